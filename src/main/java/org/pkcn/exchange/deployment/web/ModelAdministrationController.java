package org.pkcn.exchange.deployment.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.pkcn.exchange.deployment.DeploymentOutcome;
import org.pkcn.exchange.deployment.DeploymentSource;
import org.pkcn.exchange.deployment.InvalidModelsException;
import org.pkcn.exchange.deployment.MigrationReport;
import org.pkcn.exchange.deployment.MigrationStatus;
import org.pkcn.exchange.deployment.ModelVersions;
import org.pkcn.exchange.deployment.ProposalMigrations;
import org.pkcn.exchange.deployment.Redeployments;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administration API behind the page {@code /admin/models} (and for scripts): versions, the three ways to
 * redeploy and the roll back (each with {@code dryRun=true} to validate only), and migrations. A set with problems is
 * answered 422 with problem details listing every problem. Administrators only ({@link AdministratorsOnly}).
 */
@RestController
@RequestMapping("/admin/api/models")
class ModelAdministrationController {

    record Migration(String sourceDefinitionId, String targetDefinitionId) {
    }

    private final Redeployments redeployments;
    private final ModelVersions versions;
    private final ProposalMigrations migrations;

    ModelAdministrationController(Redeployments redeployments, ModelVersions versions, ProposalMigrations migrations) {
        this.redeployments = redeployments;
        this.versions = versions;
        this.migrations = migrations;
    }

    @GetMapping
    ModelVersions.Overview overview() {
        return versions.overview();
    }

    @PostMapping("/folders")
    DeploymentResult fromFolders(@RequestParam(defaultValue = "false") boolean dryRun) {
        return DeploymentResult.of(redeployments.fromFolders(dryRun));
    }

    @PostMapping(path = "/uploads", consumes = "multipart/form-data")
    DeploymentResult upload(@RequestParam("files") List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            if (!file.isEmpty() || file.getOriginalFilename() != null) {
                byName.put(String.valueOf(file.getOriginalFilename()), file.getBytes());
            }
        }
        return DeploymentResult.of(redeployments.upload(byName, DeploymentSource.UPLOAD, "upload on the administration page",
                dryRun));
    }

    @PostMapping("/rollbacks")
    DeploymentResult rollBack(@RequestParam String deploymentId, @RequestParam(defaultValue = "false") boolean dryRun) {
        return DeploymentResult.of(redeployments.rollBack(deploymentId, dryRun));
    }

    @PostMapping("/migrations/dry-run")
    MigrationReport migrationDryRun(@RequestBody Migration migration) {
        return migrations.dryRun(migration.sourceDefinitionId(), migration.targetDefinitionId());
    }

    @PostMapping("/migrations")
    MigrationStatus migrate(@RequestBody Migration migration) {
        return migrations.migrate(migration.sourceDefinitionId(), migration.targetDefinitionId());
    }

    @GetMapping("/migrations")
    List<MigrationStatus> recentMigrations() {
        return migrations.recent();
    }

    @GetMapping("/migrations/{batchId}")
    MigrationStatus migration(@PathVariable String batchId) {
        return migrations.status(batchId);
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> invalid(InvalidModelsException invalid) {
        return problem(Problems.UNPROCESSABLE, Problems.invalidModels(invalid));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> notFound(NoSuchElementException missing) {
        return problem(404, Problems.of(404, missing.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException wrong) {
        return problem(400, Problems.of(400, wrong.getMessage()));
    }

    private static ResponseEntity<Map<String, Object>> problem(int status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(Problems.MEDIA_TYPE)).body(body);
    }

    /** A deployment's outcome as the page shows it. */
    record DeploymentResult(DeploymentOutcome.Result result, String deploymentId, List<String> files,
            List<String> changedFiles, List<String> newVersions) {

        static DeploymentResult of(DeploymentOutcome outcome) {
            List<String> newVersions = outcome.deployment() == null ? List.of()
                    : Stream.concat(versions(outcome.deployment().getDeployedProcessDefinitions()),
                            versions(outcome.deployment().getDeployedDecisionDefinitions())).toList();
            return new DeploymentResult(outcome.result(), outcome.deploymentId(), outcome.files(),
                    outcome.changedFiles(), newVersions);
        }

        private static Stream<String> versions(List<? extends ResourceDefinition> definitions) {
            return definitions == null ? Stream.empty()
                    : definitions.stream().map(definition -> definition.getKey() + " version " + definition.getVersion());
        }
    }
}
