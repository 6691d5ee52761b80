package org.pkcn.exchange.deployment.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.pkcn.exchange.deployment.InvalidModelsException;
import org.pkcn.exchange.deployment.Redeployments;

/**
 * The engine REST API's {@code POST /deployment/{id}/redeploy}, which would deploy an earlier deployment's files
 * without any check, taken over as what it means here: a roll back to that deployment, validated and deployed
 * whole. Picking some of its files ({@code resourceIds}, {@code resourceNames}) is refused, since it would deploy
 * half a set.
 */
@Path("/deployment/{id}/redeploy")
public class RestRedeployment {

    private final Redeployments redeployments;
    private final IdentityService identityService;
    private final RepositoryService repositoryService;

    RestRedeployment(Redeployments redeployments, IdentityService identityService, RepositoryService repositoryService) {
        this.redeployments = redeployments;
        this.identityService = identityService;
        this.repositoryService = repositoryService;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response redeploy(@Context UriInfo uriInfo, @PathParam("id") String deploymentId, Map<String, Object> body) {
        Response refused = ModelerDeployment.refusedUnlessAdministrator(identityService);
        if (refused != null) {
            return refused;
        }
        if (body != null && (chosen(body.get("resourceIds")) || chosen(body.get("resourceNames")))) {
            return ModelerDeployment.camundaError(Response.Status.BAD_REQUEST, "InvalidRequestException", "Redeploying "
                    + "some files of a deployment would deploy half a set: redeploy all of them (a roll back).");
        }
        try {
            return ModelerDeployment.deployed(redeployments.rollBack(deploymentId, false), uriInfo, repositoryService);
        } catch (NoSuchElementException missing) {
            return ModelerDeployment.camundaError(Response.Status.NOT_FOUND, "InvalidRequestException",
                    missing.getMessage());
        } catch (InvalidModelsException invalid) {
            return ModelerDeployment.refused(invalid);
        }
    }

    private static boolean chosen(Object files) {
        return files instanceof Collection<?> list && !list.isEmpty();
    }
}
