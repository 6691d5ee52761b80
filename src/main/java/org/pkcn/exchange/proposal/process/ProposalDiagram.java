package org.pkcn.exchange.proposal.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.PROCESS_KEY;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.pkcn.exchange.proposal.ProposalNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The process model a proposal runs on, and the steps it stands at now: the activities active in the
 * engine (a review, a mail about to be sent), or the end event it reached. Callers check first that the
 * proposal is the caller's to see; this reads as the application.
 */
@Service
public class ProposalDiagram {

    /** A proposal's model (BPMN XML) and the ids of the elements to highlight. */
    public record Diagram(String processDefinitionId, List<String> currentElements) {
    }

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final Map<String, String> xmlByDefinition = new ConcurrentHashMap<>();

    ProposalDiagram(HistoryService historyService, RuntimeService runtimeService, RepositoryService repositoryService) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    public Diagram of(String reference) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
        if (instance == null) {
            throw new ProposalNotFoundException(reference);
        }
        List<String> current;
        if (instance.getEndTime() == null) {
            current = runtimeService.getActiveActivityIds(instance.getId());
        } else {
            current = historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityType("noneEndEvent").list().stream().map(HistoricActivityInstance::getActivityId)
                    .filter(id -> id.startsWith("EndEvent_Proposal")).toList();
        }
        return new Diagram(instance.getProcessDefinitionId(), current);
    }

    /** The BPMN XML of a deployed definition of the exchange-proposal process; it never changes once deployed. */
    public String xml(String processDefinitionId) {
        return xmlByDefinition.computeIfAbsent(processDefinitionId, id -> {
            if (!PROCESS_KEY.equals(repositoryService.getProcessDefinition(id).getKey())) {
                throw new IllegalArgumentException("Not a definition of " + PROCESS_KEY + ": " + id);
            }
            try (InputStream model = repositoryService.getProcessModel(id)) {
                return new String(model.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the model of " + id, e);
            }
        });
    }
}
