package org.pkcn.exchange.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pkcn.exchange.deployment.ModelFiles.*;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A set is judged whole before anything is deployed: every problem of every file is reported at once, with file,
 * line and element, and a set with any problem deploys nothing.
 */
@ExchangeTest
class ModelValidationTests {

    private static final String SCRIPT_TASK = """
                <bpmn:scriptTask id="Task_TidyUp" name="Tidy up" scriptFormat="groovy">
                  <bpmn:script>println 'hello'</bpmn:script>
                </bpmn:scriptTask>""";

    @Autowired ModelValidator validator;
    @Autowired ModelDeployer deployer;
    @Autowired ModelProperties properties;
    @Autowired RepositoryService repositoryService;

    @Test
    void theRepositorysSet_hasNoProblem() {
        assertThat(validator.problemsIn(ModelSet.load(properties))).isEmpty();
    }

    @Test
    void brokenFilesAmongGoodOnes_everyProblemIsListed_andNoVersionOfAnyFileIsCreated() {
        ModelSet set = folderSetWith(properties,
                MAIN, mainWith(SCRIPT_TASK).replace("${registerProposal}", "${registerProposals}"),
                REVIEW, replaced(REVIEW, "camunda:formRef=\"review-proposal\"", "camunda:formRef=\"review-proposal-v2\""),
                "broken.bpmn", "<?xml version=\"1.0\"?>\n<definitions>\n  <process id=\"broken\">\n</definitions>\n");
        long deployments = repositoryService.createDeploymentQuery().count();
        long processes = repositoryService.createProcessDefinitionQuery().count();
        long decisions = repositoryService.createDecisionDefinitionQuery().count();

        assertThatThrownBy(() -> deployer.deploy(set, DeploymentSource.UPLOAD, false))
                .isInstanceOfSatisfying(InvalidModelsException.class, invalid -> {
                    List<ModelProblem> problems = invalid.problems();
                    assertThat(problems).as(invalid.getMessage()).hasSize(4);
                    assertThat(problems).anySatisfy(problem -> {
                        assertThat(problem.file()).isEqualTo(MAIN);
                        assertThat(problem.element()).isEqualTo("Task_RegisterProposal");
                        assertThat(problem.line()).isEqualTo(SourceLines.lineOfId(original(MAIN), "Task_RegisterProposal"));
                        assertThat(problem.message()).contains("registerProposals");
                    });
                    assertThat(problems).anySatisfy(problem -> {
                        assertThat(problem.file()).isEqualTo(MAIN);
                        assertThat(problem.element()).isEqualTo("Task_TidyUp");
                        assertThat(problem.line()).isPositive();
                        assertThat(problem.message()).contains("script task");
                    });
                    assertThat(problems).anySatisfy(problem -> {
                        assertThat(problem.file()).isEqualTo(REVIEW);
                        assertThat(problem.element()).isEqualTo("Task_ReviewProposal");
                        assertThat(problem.message()).contains("review-proposal-v2");
                    });
                    assertThat(problems).anySatisfy(problem -> {
                        assertThat(problem.file()).isEqualTo("broken.bpmn");
                        assertThat(problem.line()).isEqualTo(4);
                        assertThat(problem.message()).contains("not well-formed XML", "</process>");
                    });
                });

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(processes);
        assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(decisions);
    }

    @Test
    void whatTheModelsReferTo_mustExist() {
        ModelSet set = folderSetWith(properties,
                MAIN, original(MAIN).replace("camunda:decisionRef=\"eligibility\"", "camunda:decisionRef=\"eligibility2\"")
                        .replace("sourceExpression=\"stza-reviewers\"", "sourceExpression=\"stza-reviewer\"")
                        .replace("name=\"Review by ZBRA\" calledElement=\"proposal-review\"",
                                "name=\"Review by ZBRA\" calledElement=\"proposal-reviews\""),
                REVIEW, replaced(REVIEW, "delegateExpression=\"${reviewTaskDisplay}\"",
                        "class=\"org.pkcn.exchange.NoSuchListener\""));

        assertThat(validator.problemsIn(set)).extracting(ModelProblem::element, ModelProblem::message)
                .anySatisfy(problem -> assertThat(problem.toList()).containsExactly("Task_ScreenEligibility",
                        "camunda:decisionRef 'eligibility2' names no decision of this set and no deployed one; the set's "
                                + "decisions are [eligibility]"))
                .anySatisfy(problem -> assertThat(problem.toList().get(1).toString())
                        .contains("'stza-reviewer'", "candidate group of Task_ReviewProposal"))
                .anySatisfy(problem -> assertThat(problem.toList()).containsExactly("CallActivity_ReviewByZbra",
                        "calls the process 'proposal-reviews', which is in neither this set nor deployed; the set's "
                                + "processes are [exchange-proposal, proposal-review]"))
                .anySatisfy(problem -> assertThat(problem.toList().get(1).toString())
                        .contains("org.pkcn.exchange.NoSuchListener"))
                .hasSize(4);
    }

    @Test
    void aBeanOfTheWrongKind_isNamed() {
        ModelSet set = folderSetWith(properties,
                MAIN, original(MAIN).replace("${recordScreeningOut}", "${reviewPeriods}"));

        assertThat(validator.problemsIn(set)).singleElement().satisfies(problem -> {
            assertThat(problem.element()).isEqualTo("Task_RecordScreeningOut");
            assertThat(problem.message()).contains("is a ReviewPeriods, not a JavaDelegate");
        });
    }

    @Test
    void scripts_areRefusedWhereverTheyHide() {
        ModelSet set = folderSetWith(properties,
                MAIN, original(MAIN).replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${screening.eligible}",
                        "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">screening.eligible")
                        .replace("<camunda:inputParameter name=\"notification\">APPROVED</camunda:inputParameter>",
                                "<camunda:inputParameter name=\"notification\"><camunda:script scriptFormat=\"groovy\">"
                                        + "'APPROVED'</camunda:script></camunda:inputParameter>"),
                ELIGIBILITY, original(ELIGIBILITY).replace("<inputExpression id=\"InputExpression_Sector\" typeRef=\"string\">",
                        "<inputExpression id=\"InputExpression_Sector\" typeRef=\"string\" expressionLanguage=\"javascript\">"));

        assertThat(validator.problemsIn(set)).extracting(ModelProblem::file, ModelProblem::element)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(MAIN, "SequenceFlow_Eligible"),
                        org.assertj.core.groups.Tuple.tuple(MAIN, "Task_NotifyApproval"),
                        org.assertj.core.groups.Tuple.tuple(ELIGIBILITY, "InputExpression_Sector"));
    }

    @Test
    void formsMustBeCamundaForms_writingVariablesTheProcessKnows() {
        ModelSet set = folderSetWith(properties,
                REVIEW_FORM, replaced(REVIEW_FORM, "\"key\": \"comment\"", "\"key\": \"coment\""),
                "forms/notes.form", "{\"id\": \"notes\", \"type\": \"default\", \"schemaVersion\": 16,\n"
                        + "  \"components\": [ {\"key\": \"title\" \n ]}");

        assertThat(validator.problemsIn(set)).satisfiesExactlyInAnyOrder(
                problem -> {
                    assertThat(problem.file()).isEqualTo(REVIEW_FORM);
                    assertThat(problem.element()).isEqualTo("Field_Comment");
                    assertThat(problem.line()).isEqualTo(SourceLines.lineOfFormField(original(REVIEW_FORM), "Field_Comment", "comment"));
                    assertThat(problem.message()).contains("'coment'");
                },
                problem -> {
                    assertThat(problem.file()).isEqualTo("forms/notes.form");
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.message()).startsWith("not valid JSON");
                });
    }

    @Test
    void aFormFieldForAVariableANewDecisionTableReads_isKnown() {
        String dmn = original(ELIGIBILITY).replace("<text>budgetCurrency</text>", "<text>teamSize</text>");
        String form = replaced(REVIEW_FORM, "\"key\": \"comment\"", "\"key\": \"teamSize\"");

        assertThat(validator.problemsIn(folderSetWith(properties, ELIGIBILITY, dmn, REVIEW_FORM, form))).isEmpty();
    }
}
