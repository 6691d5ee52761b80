package org.pkcn.exchange.process;

import static org.pkcn.exchange.proposal.ProposalFields.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Proposals as an applicant would fill them in. */
public final class SampleProposals {

    public static final String APPLICANT_MAIL = "sara.ahmed@lta.example.pk";
    public static final String COUNTERPART_MAIL = "partner@zgc-ai.example.cn";

    private SampleProposals() {
    }

    /** A Pakistani enterprise proposing joint AI research with a Beijing R&D centre: eligible. */
    public static Map<String, Object> jointAiResearch() {
        Map<String, Object> fields = new HashMap<>();
        fields.put(TITLE, "AI for textile quality control");
        fields.put(APPLICANT_NAME, "Lahore Textile Analytics (Pvt) Ltd");
        fields.put(APPLICANT_KIND, "ENTERPRISE");
        fields.put(APPLICANT_COUNTRY, "PK");
        fields.put(APPLICANT_CITY, "Lahore");
        fields.put(CONTACT_NAME, "Sara Ahmed");
        fields.put(CONTACT_EMAIL, APPLICANT_MAIL);
        fields.put(CONTACT_LANGUAGE, "en");
        fields.put(DOCKING_REQUESTED, false);
        fields.put(COUNTERPART_NAME, "Zhongguancun AI Lab");
        fields.put(COUNTERPART_KIND, "RD_CENTRE");
        fields.put(COUNTERPART_EMAIL, COUNTERPART_MAIL);
        fields.put(SECTOR, "ARTIFICIAL_INTELLIGENCE");
        fields.put(EXCHANGE_KIND, "JOINT_RESEARCH");
        fields.put(OBJECTIVES, "Train vision models that find weaving defects on the production line.");
        fields.put(EXPECTED_OUTCOMES, "A pilot in two mills, ten engineers trained, one joint paper.");
        fields.put(START_DATE, LocalDate.now().plusMonths(2).toString());
        fields.put(DURATION_MONTHS, 12L);
        fields.put(BUDGET_AMOUNT, 250000.0);
        fields.put(BUDGET_CURRENCY, "USD");
        return fields;
    }

    /** A Beijing university asking the programme to find a Pakistani partner; its contact reads Chinese. */
    public static Map<String, Object> dockingRequestInChinese() {
        Map<String, Object> fields = jointAiResearch();
        fields.put(TITLE, "Robotics talent training");
        fields.put(APPLICANT_NAME, "Beijing Institute of Robotics");
        fields.put(APPLICANT_KIND, "ACADEMIC_INSTITUTION");
        fields.put(APPLICANT_COUNTRY, "CN");
        fields.put(APPLICANT_CITY, "Beijing");
        fields.put(CONTACT_NAME, "王芳");
        fields.put(CONTACT_EMAIL, "wang.fang@bir.example.cn");
        fields.put(CONTACT_LANGUAGE, "zh");
        fields.put(DOCKING_REQUESTED, true);
        fields.put(COUNTERPART_NAME, null);
        fields.put(COUNTERPART_KIND, null);
        fields.put(COUNTERPART_EMAIL, null);
        fields.put(SECTOR, "ROBOTICS");
        fields.put(EXCHANGE_KIND, "TALENT_TRAINING");
        fields.put(BUDGET_AMOUNT, 800000.0);
        fields.put(BUDGET_CURRENCY, "CNY");
        return fields;
    }

    public static Map<String, Object> with(Map<String, Object> fields, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(fields);
        changed.put(field, value);
        return changed;
    }
}
