package org.pkcn.exchange.deployment.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.repository.DeploymentDto;
import org.camunda.bpm.engine.rest.dto.repository.DeploymentWithDefinitionsDto;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData.FormPart;
import org.pkcn.exchange.deployment.DeploymentOutcome;
import org.pkcn.exchange.deployment.DeploymentSource;
import org.pkcn.exchange.deployment.InvalidModelsException;
import org.pkcn.exchange.deployment.Redeployments;
import org.pkcn.exchange.identity.ProgrammeGroups;

/**
 * Camunda Modeler's Deploy button, {@code POST /engine-rest/deployment/create}, taken over from the engine's own
 * resource (a more specific path wins in JAX-RS) so that a deployment from the Modeler goes through the same
 * validation and deployment as every other: the files sent replace those of the same name in the newest version,
 * and the whole set is deployed. The engine REST API's authentication has run before (401 without credentials);
 * only administrators may deploy (403). A refused set is answered 422 with every problem; a deployed or unchanged
 * one 200 with the deployment, as the engine answers.
 */
@Path(ModelerDeployment.PATH)
public class ModelerDeployment {

    static final String PATH = "/deployment/create";

    /** The form fields of the engine's deployment request that are not files. */
    static final Set<String> NOT_FILES = Set.of("deployment-name", "enable-duplicate-filtering", "deploy-changed-only",
            "deployment-source", "tenant-id", "deployment-activation-time");

    private final Redeployments redeployments;
    private final IdentityService identityService;
    private final RepositoryService repositoryService;

    ModelerDeployment(Redeployments redeployments, IdentityService identityService, RepositoryService repositoryService) {
        this.redeployments = redeployments;
        this.identityService = identityService;
        this.repositoryService = repositoryService;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context UriInfo uriInfo, MultipartFormData payload) {
        Response refused = refusedUnlessAdministrator(identityService);
        if (refused != null) {
            return refused;
        }
        FormPart tenant = payload.getNamedPart("tenant-id");
        if (tenant != null && !tenant.getTextContent().isBlank()) {
            return camundaError(Response.Status.BAD_REQUEST, "InvalidRequestException",
                    "This service does not use tenants: deploy without a tenant id.");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : payload.getPartNames()) {
            FormPart part = payload.getNamedPart(name);
            if (!NOT_FILES.contains(name)) {
                files.put(part.getFileName() == null ? name : part.getFileName(), part.getBinaryContent());
            }
        }
        try {
            DeploymentOutcome outcome = asTheCaller(() -> redeployments.upload(files, DeploymentSource.MODELER,
                    via(payload), false));
            return deployed(outcome, uriInfo, repositoryService);
        } catch (InvalidModelsException invalid) {
            return refused(invalid);
        }
    }

    /** 200 with the deployment (its definitions when new; as it was when nothing changed), as the engine answers. */
    static Response deployed(DeploymentOutcome outcome, UriInfo uriInfo, RepositoryService repositoryService) {
        DeploymentDto answer = outcome.deployment() != null
                ? DeploymentWithDefinitionsDto.fromDeployment(outcome.deployment())
                : DeploymentDto.fromDeployment(repositoryService.createDeploymentQuery()
                        .deploymentId(outcome.deploymentId()).singleResult());
        answer.addReflexiveLink(uriInfo.getBaseUriBuilder().path("deployment").path(outcome.deploymentId()).build(),
                HttpMethod.GET, "self");
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** 422 with every problem of the refused set. */
    static Response refused(InvalidModelsException invalid) {
        return Response.status(Problems.UNPROCESSABLE).type(Problems.MEDIA_TYPE).entity(Problems.invalidModels(invalid))
                .build();
    }

    /** Runs the deployment signed in as the REST caller on this application's engine, so the log says who. */
    private <T> T asTheCaller(java.util.function.Supplier<T> work) {
        if (identityService.getCurrentAuthentication() != null) {
            return work.get();
        }
        identityService.setAuthentication(restCaller());
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Authentication restCaller() {
        return org.camunda.bpm.engine.rest.util.EngineUtil.lookupProcessEngine(null).getIdentityService()
                .getCurrentAuthentication();
    }

    /** 401 or 403 in the engine REST API's error shape, or null for an administrator. */
    static Response refusedUnlessAdministrator(IdentityService identityService) {
        // The engine REST API's authentication filter signs the caller in on the engine it looks up by name;
        // ask that engine (the same one in a running service; in a test JVM with several contexts, not always).
        Authentication caller = restCaller();
        if (caller == null) {
            caller = identityService.getCurrentAuthentication();
        }
        if (caller == null || caller.getUserId() == null) {
            return camundaError(Response.Status.UNAUTHORIZED, "AuthenticationException", "Sign in to deploy.");
        }
        if (caller.getGroupIds() == null || !caller.getGroupIds().contains(ProgrammeGroups.ADMINS)) {
            return camundaError(Response.Status.FORBIDDEN, "AuthorizationException", "The user with id '"
                    + caller.getUserId() + "' may not deploy: only administrators (" + ProgrammeGroups.ADMINS + ") may.");
        }
        return null;
    }

    /** "Camunda Modeler (deployment name 'x')", as the Modeler described itself. */
    private static String via(MultipartFormData payload) {
        FormPart source = payload.getNamedPart("deployment-source");
        FormPart name = payload.getNamedPart("deployment-name");
        String sender = source == null || source.getTextContent().isBlank() ? "Camunda Modeler" : source.getTextContent();
        return name == null || name.getTextContent().isBlank() ? sender
                : sender + " (deployment name '" + name.getTextContent() + "')";
    }

    /** The same request to the engine by name ({@code /engine-rest/engine/default/deployment/create}). */
    @Path("/engine/{name}" + PATH)
    public static class OfNamedEngine extends ModelerDeployment {

        OfNamedEngine(Redeployments redeployments, IdentityService identityService, RepositoryService repositoryService) {
            super(redeployments, identityService, repositoryService);
        }
    }

    static Response camundaError(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }
}
