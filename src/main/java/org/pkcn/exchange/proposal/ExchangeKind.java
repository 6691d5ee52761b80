package org.pkcn.exchange.proposal;

/** The kinds of exchange named in the letter of intent. */
public enum ExchangeKind {
    INFORMATION_SHARING, JOINT_RESEARCH, TECHNOLOGY_ZONE_COOPERATION, SCIENCE_PARK_COOPERATION, TALENT_TRAINING,
    PROJECT_DOCKING
}
