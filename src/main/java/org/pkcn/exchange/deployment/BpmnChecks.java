package org.pkcn.exchange.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * What a BPMN file refers to exists: the beans of {@code camunda:delegateExpression}, the classes of
 * {@code camunda:class}, the forms of {@code camunda:formRef}, the decisions of {@code camunda:decisionRef}, the
 * processes a call activity calls, the candidate groups; and it carries no script unless scripts are allowed.
 */
@Component
class BpmnChecks {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Pattern LEADING_NAME = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> VARIABLE_ATTRIBUTES = Set.of("resultVariable", "initiator", "elementVariable",
            "variableName", "collection");
    private static final String ACTIVITY_BEHAVIOR = "org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior";

    private final ApplicationContext context;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ModelProperties properties;

    BpmnChecks(ApplicationContext context, RepositoryService repositoryService, IdentityService identityService,
            ModelProperties properties) {
        this.context = context;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.properties = properties;
    }

    /** First pass, over every file: what the file defines, reads and assigns. */
    void collect(XmlFile file, SetFacts facts) {
        file.visit((element, id) -> {
            if (BPMN.equals(element.getNamespaceURI()) && "process".equals(element.getLocalName())) {
                facts.defines(facts.processes, "process", element.getAttribute("id"), file.name);
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (SetFacts.isExpression(attribute.getValue())) {
                    facts.mentions(attribute.getValue());
                } else if (VARIABLE_ATTRIBUTES.contains(attribute.getLocalName()) && isCamundaAttribute(attribute)) {
                    facts.variables.add(attribute.getValue().strip());
                }
            }
            String text = XmlFile.leafText(element);
            if (SetFacts.isExpression(text)) {
                facts.mentions(text);
            }
            if (XmlFile.isCamunda(element)) {
                collectMapping(file, element, id, facts);
            }
        });
    }

    private static void collectMapping(XmlFile file, Element element, String id, SetFacts facts) {
        switch (element.getLocalName()) {
            case "in", "out" -> {
                String target = element.getAttribute("target");
                if (!target.isBlank()) {
                    facts.variables.add(target);
                }
                if (!element.getAttribute("source").isBlank()) {
                    facts.variables.add(element.getAttribute("source"));
                }
                String sourceExpression = element.getAttribute("sourceExpression");
                if ("in".equals(element.getLocalName()) && !target.isBlank() && !sourceExpression.isBlank()
                        && !SetFacts.isExpression(sourceExpression)) {
                    facts.assigns(target, sourceExpression.strip(), file.name, id);
                }
            }
            case "inputParameter", "outputParameter" -> {
                String name = element.getAttribute("name");
                facts.variables.add(name);
                String value = XmlFile.leafText(element);
                if ("inputParameter".equals(element.getLocalName()) && value != null && !value.isBlank()
                        && !SetFacts.isExpression(value)) {
                    facts.assigns(name, value.strip(), file.name, id);
                }
            }
            case "formField" -> facts.variables.add(element.getAttribute("id"));
            default -> {
            }
        }
    }

    /** Second pass, with what the whole set defines. */
    List<ModelProblem> check(XmlFile file, SetFacts facts, ModelSet models) {
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, Boolean> groups = new HashMap<>();
        file.visit((element, id) -> {
            checkScripts(file, element, id, problems);
            String delegate = XmlFile.camunda(element, "delegateExpression");
            if (delegate != null) {
                checkDelegateBean(file, element, id, delegate, problems);
            }
            String className = XmlFile.camunda(element, "class");
            if (className != null) {
                checkDelegateClass(file, element, id, className.strip(), problems);
            }
            String formRef = XmlFile.camunda(element, "formRef");
            if (formRef != null && !SetFacts.isExpression(formRef) && !facts.forms.containsKey(formRef.strip())) {
                problems.add(file.problem(id, "camunda:formRef '" + formRef + "' names no form of this set; the forms "
                        + "are " + facts.forms.keySet() + " (a form's id is its \"id\" in the .form file)"));
            }
            String formKey = XmlFile.camunda(element, "formKey");
            if (formKey != null) {
                checkFormKey(file, id, formKey.strip(), models, problems);
            }
            String decisionRef = XmlFile.camunda(element, "decisionRef");
            if (decisionRef != null && !SetFacts.isExpression(decisionRef) && !facts.decisions.containsKey(decisionRef)
                    && repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionRef).count() == 0) {
                problems.add(file.problem(id, "camunda:decisionRef '" + decisionRef + "' names no decision of this set "
                        + "and no deployed one; the set's decisions are " + facts.decisions.keySet()));
            }
            if (BPMN.equals(element.getNamespaceURI()) && "callActivity".equals(element.getLocalName())) {
                String called = element.getAttribute("calledElement");
                if (!called.isBlank() && !SetFacts.isExpression(called) && !facts.processes.containsKey(called)
                        && repositoryService.createProcessDefinitionQuery().processDefinitionKey(called).count() == 0) {
                    problems.add(file.problem(id, "calls the process '" + called + "', which is in neither this set nor "
                            + "deployed; the set's processes are " + facts.processes.keySet()));
                }
            }
            String candidateGroups = XmlFile.camunda(element, "candidateGroups");
            if (candidateGroups != null) {
                checkCandidateGroups(file, id, candidateGroups, facts, groups, problems);
            }
        });
        return problems;
    }

    private void checkScripts(XmlFile file, Element element, String id, List<ModelProblem> problems) {
        if (properties.allowScripts()) {
            return;
        }
        String what = null;
        if (BPMN.equals(element.getNamespaceURI()) && "scriptTask".equals(element.getLocalName())) {
            what = "a script task";
        } else if (XmlFile.isCamunda(element) && "script".equals(element.getLocalName())) {
            what = "an inline script (camunda:script)";
        } else if (BPMN.equals(element.getNamespaceURI()) && element.hasAttribute("language")
                && !"script".equals(element.getLocalName())) {
            what = "a script condition (language \"" + element.getAttribute("language") + "\")";
        }
        if (what != null) {
            problems.add(file.problem(id, "is " + what + ": deploying a script is running code on the server, so scripts "
                    + "are refused (exchange.models.allow-scripts=false); use a service task with a delegate bean"));
        }
    }

    private void checkDelegateBean(XmlFile file, Element element, String id, String expression,
            List<ModelProblem> problems) {
        Matcher leading = LEADING_NAME.matcher(expression);
        if (!leading.find()) {
            problems.add(file.problem(id, "camunda:delegateExpression '" + expression + "' names no bean; write it as "
                    + "${beanName}"));
            return;
        }
        String bean = leading.group(1);
        if (!context.containsBean(bean)) {
            problems.add(file.problem(id, "camunda:delegateExpression '" + expression + "' names the bean '" + bean
                    + "', and the application has no bean of that name"));
            return;
        }
        Class<?> type = context.getType(bean);
        String expected = expectedInterface(element, type);
        if (SetFacts.plainName(expression) != null && expected != null) {
            problems.add(file.problem(id, "camunda:delegateExpression '" + expression + "': the bean '" + bean
                    + "' is a " + (type == null ? "?" : type.getSimpleName()) + ", not a " + expected));
        }
    }

    private void checkDelegateClass(XmlFile file, Element element, String id, String className,
            List<ModelProblem> problems) {
        ClassLoader loader = context.getClassLoader();
        if (SetFacts.isExpression(className) || !ClassUtils.isPresent(className, loader)) {
            problems.add(file.problem(id, "camunda:class '" + className + "' is not a class on the application's "
                    + "classpath"));
            return;
        }
        String expected = expectedInterface(element, ClassUtils.resolveClassName(className, loader));
        if (expected != null) {
            problems.add(file.problem(id, "camunda:class '" + className + "' is not a " + expected));
        }
    }

    /** The interface the element needs its bean or class to have, when the given type lacks it; else null. */
    private static String expectedInterface(Element element, Class<?> type) {
        if (type == null) {
            return null;
        }
        String owner = element.getLocalName();
        if ("taskListener".equals(owner)) {
            return TaskListener.class.isAssignableFrom(type) ? null : "TaskListener";
        }
        if ("executionListener".equals(owner)) {
            return ExecutionListener.class.isAssignableFrom(type) || JavaDelegate.class.isAssignableFrom(type) ? null
                    : "ExecutionListener or JavaDelegate";
        }
        boolean behaviour = ClassUtils.getAllInterfacesForClassAsSet(type).stream()
                .anyMatch(implemented -> implemented.getName().equals(ACTIVITY_BEHAVIOR));
        return JavaDelegate.class.isAssignableFrom(type) || behaviour ? null : "JavaDelegate";
    }

    private static void checkFormKey(XmlFile file, String id, String formKey, ModelSet models,
            List<ModelProblem> problems) {
        for (String prefix : new String[] {"camunda-forms:deployment:", "embedded:deployment:"}) {
            if (formKey.startsWith(prefix) && !models.resources().containsKey(formKey.substring(prefix.length()))) {
                problems.add(file.problem(id, "camunda:formKey '" + formKey + "' names the file '"
                        + formKey.substring(prefix.length()) + "', which is not in this set"));
            }
        }
    }

    private void checkCandidateGroups(XmlFile file, String id, String candidateGroups, SetFacts facts,
            Map<String, Boolean> known, List<ModelProblem> problems) {
        for (String token : candidateGroups.split(",")) {
            String group = token.strip();
            if (group.isEmpty()) {
                continue;
            }
            if (!SetFacts.isExpression(group)) {
                if (!groupExists(group, known)) {
                    problems.add(file.problem(id, "candidate group '" + group + "' does not exist"));
                }
                continue;
            }
            String variable = SetFacts.plainName(group);
            for (SetFacts.Assignment assignment : facts.valuesOf(variable)) {
                if (!groupExists(assignment.value(), known)) {
                    problems.add(new ModelProblem(assignment.file(), null, assignment.element(), "passes '"
                            + assignment.value() + "' as " + variable + ", a candidate group of " + id + " in "
                            + file.name + ", and no group '" + assignment.value() + "' exists"));
                }
            }
        }
    }

    private boolean groupExists(String group, Map<String, Boolean> known) {
        return known.computeIfAbsent(group, id -> identityService.createGroupQuery().groupId(id).count() > 0);
    }

    private static boolean isCamundaAttribute(Attr attribute) {
        String namespace = attribute.getNamespaceURI();
        return XmlFile.CAMUNDA_BPMN.equals(namespace) || XmlFile.ACTIVITI_BPMN.equals(namespace);
    }
}
