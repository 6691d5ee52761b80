package org.pkcn.exchange.proposal;

/** The two countries of the programme; a proposal pairs a party in one with a party in the other. */
public enum Country {
    PK, CN;

    public Country other() {
        return this == PK ? CN : PK;
    }
}
