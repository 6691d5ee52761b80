package org.pkcn.exchange.proposal;

/** Currencies a budget may be stated in. */
public enum Currency {
    USD, PKR, CNY
}
