package org.pkcn.exchange.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.review.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The models in processes/ and the Java code name the same beans, groups and ids. */
@ExchangeTest
class ModelAndCodeAgreeTests {

    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");

    @Autowired ApplicationContext context;

    private static BpmnModelInstance model(String file) {
        return Bpmn.readModelFromFile(Path.of("processes", file).toFile());
    }

    @Test
    void everyDelegateExpression_namesABean() {
        for (String file : new String[] {"exchange-proposal.bpmn", "proposal-review.bpmn"}) {
            String xml = Bpmn.convertToString(model(file));
            Matcher matcher = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(xml);
            int found = 0;
            while (matcher.find()) {
                found++;
                assertThat(context.containsBean(matcher.group(1))).as("bean %s used by %s", matcher.group(1), file)
                        .isTrue();
            }
            assertThat(found).as("delegate expressions in %s", file).isPositive();
        }
    }

    @Test
    void eachReviewCall_passesThePartysGroups() {
        BpmnModelInstance model = model("exchange-proposal.bpmn");
        for (Party party : Party.values()) {
            CallActivity call = model.getModelElementById("CallActivity_ReviewBy" + capitalised(party));
            assertThat(call.getCalledElement()).isEqualTo(ExchangeProposalProcess.REVIEW_PROCESS_KEY);
            Collection<CamundaIn> ins = call.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaIn.class).list();
            assertThat(ins).anySatisfy(in -> assertThat(in.getCamundaTarget()).isEqualTo("party"))
                    .filteredOn(in -> "party".equals(in.getCamundaTarget()))
                    .extracting(CamundaIn::getCamundaSourceExpression).containsExactly(party.name());
            assertThat(ins).filteredOn(in -> "reviewerGroup".equals(in.getCamundaTarget()))
                    .extracting(CamundaIn::getCamundaSourceExpression).containsExactly(party.reviewers());
            assertThat(ins).filteredOn(in -> "supervisorGroup".equals(in.getCamundaTarget()))
                    .extracting(CamundaIn::getCamundaSourceExpression).containsExactly(party.supervisors());
        }
    }

    @Test
    void noModelerDefaultIdsSurvive() {
        for (String file : new String[] {"exchange-proposal.bpmn", "proposal-review.bpmn"}) {
            for (FlowElement element : model(file).getModelElementsByType(FlowElement.class)) {
                assertThat(element.getId()).as("id in %s", file).doesNotMatch(".*_[0-9a-z]{7}$");
            }
        }
    }

    private static String capitalised(Party party) {
        return party.name().charAt(0) + party.name().substring(1).toLowerCase();
    }
}
