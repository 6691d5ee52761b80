package org.pkcn.exchange.proposal;

/** The sectors named in the letter of intent. Whether a call accepts a sector is the eligibility table's business. */
public enum Sector {
    SEMICONDUCTORS, CLOUD_COMPUTING, ARTIFICIAL_INTELLIGENCE, ROBOTICS, FINTECH, BLOCKCHAIN, BIOTECH
}
