package org.pkcn.exchange.deployment;

/** Where a version of the models came from. */
public enum DeploymentSource {
    /** The folders processes/ and forms/ (or the jar's copy), at start-up or by "Redeploy from folders". */
    FOLDER,
    /** Files uploaded on the administration page. */
    UPLOAD,
    /** Camunda Modeler's Deploy button. */
    MODELER,
    /** The files of an earlier version, deployed again as the newest. */
    ROLLBACK
}
