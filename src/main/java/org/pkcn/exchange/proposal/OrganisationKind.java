package org.pkcn.exchange.proposal;

/** Who may propose or take part in an exchange, as the letter of intent names them. */
public enum OrganisationKind {
    ENTERPRISE, RD_CENTRE, ACADEMIC_INSTITUTION, TECHNOLOGY_ZONE_DEVELOPER
}
