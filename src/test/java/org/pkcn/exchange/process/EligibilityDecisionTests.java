package org.pkcn.exchange.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pkcn.exchange.ExchangeTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The eligibility table (processes/eligibility.dmn), as deployed, decides the documented cases. */
@ExchangeTest
class EligibilityDecisionTests {

    @Autowired DecisionService decisionService;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # case                                  | sector                  | country | docking | counterpart     | months | currency | amount       | eligible | reason contains
            AI exchange with a named counterpart    | ARTIFICIAL_INTELLIGENCE | PK      | false   | Zhongguancun AI | 12     | USD      | 250000       | true     | Eligible
            Docking requested, no counterpart       | ROBOTICS                | CN      | true    | null            | 24     | CNY      | 800000       | true     | Eligible
            Every sector of the letter: biotech     | BIOTECH                 | PK      | false   | Partner         | 6      | PKR      | 1000000      | true     | Eligible
            A sector outside the call               | TEXTILES                | PK      | false   | Partner         | 12     | USD      | 1000         | false    | sector
            An applicant outside both countries     | FINTECH                 | IN      | false   | Partner         | 12     | USD      | 1000         | false    | Pakistan or in China
            No counterpart and no docking           | FINTECH                 | PK      | false   | null            | 12     | USD      | 1000         | false    | counterpart
            Shorter than 3 months                   | BLOCKCHAIN              | PK      | false   | Partner         | 2      | USD      | 1000         | false    | at least 3 months
            Exactly 3 months                        | BLOCKCHAIN              | PK      | false   | Partner         | 3      | USD      | 1000         | true     | Eligible
            Exactly 36 months                       | SEMICONDUCTORS          | CN      | false   | Partner         | 36     | CNY      | 1000         | true     | Eligible
            Longer than 36 months                   | SEMICONDUCTORS          | CN      | false   | Partner         | 37     | CNY      | 1000         | false    | at most 36 months
            USD budget over the ceiling             | CLOUD_COMPUTING         | PK      | false   | Partner         | 12     | USD      | 5000000.01   | false    | 5,000,000 USD
            USD budget at the ceiling               | CLOUD_COMPUTING         | PK      | false   | Partner         | 12     | USD      | 5000000      | true     | Eligible
            PKR budget over the ceiling             | CLOUD_COMPUTING         | PK      | false   | Partner         | 12     | PKR      | 1400000001   | false    | PKR
            CNY budget over the ceiling             | CLOUD_COMPUTING         | CN      | false   | Partner         | 12     | CNY      | 36000001     | false    | CNY
            """)
    void decides(String description, String sector, String country, boolean docking, String counterpart, long months,
            String currency, double amount, boolean eligible, String reason) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("sector", sector);
        facts.put("applicantCountry", country);
        facts.put("dockingRequested", docking);
        facts.put("counterpartName", counterpart);
        facts.put("durationMonths", months);
        facts.put("budgetCurrency", currency);
        facts.put("budgetAmount", amount);

        DmnDecisionRuleResult result = decisionService
                .evaluateDecisionTableByKey(ExchangeProposalProcess.ELIGIBILITY_DECISION, facts).getSingleResult();

        assertThat((Boolean) result.getEntry("eligible")).as(description).isEqualTo(eligible);
        assertThat((String) result.getEntry("reason")).as(description).contains(reason);
    }
}
