package org.pkcn.exchange.proposal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pkcn.exchange.proposal.FieldError;
import org.pkcn.exchange.proposal.InvalidProposalException;
import org.pkcn.exchange.proposal.ProposalFields;
import org.pkcn.exchange.proposal.Upload;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Turns what an API request carries into the domain's input: field values by name, and files. */
@Component
class ProposalJsonInput {

    private final ObjectMapper json;

    ProposalJsonInput(ObjectMapper json) {
        this.json = json;
    }

    /** The fields as sent; a property that is no proposal field is refused rather than silently dropped. */
    Map<String, Object> fields(Map<String, Object> body) {
        if (body == null) {
            throw new InvalidProposalException(List.of(new FieldError(null, "malformed", "the body must be a JSON "
                    + "object of the proposal's fields")));
        }
        List<FieldError> unknown = body.keySet().stream().filter(name -> !ProposalFields.ALL.contains(name))
                .map(name -> new FieldError(name, "unknown-field", "is not a field of a proposal")).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidProposalException(unknown);
        }
        return body;
    }

    Map<String, Object> fields(String body) {
        try {
            return fields(json.readValue(body, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException malformed) {
            throw new InvalidProposalException(List.of(new FieldError("proposal", "malformed",
                    "must be a JSON object of the proposal's fields (" + malformed.getOriginalMessage() + ")")));
        }
    }

    List<Upload> uploads(List<MultipartFile> files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
                    uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
                }
            }
        }
        return uploads;
    }
}
