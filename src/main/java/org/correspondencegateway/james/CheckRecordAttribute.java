package org.correspondencegateway.james;

import java.util.Optional;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.correspondencegateway.action.CheckRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The check's record, kept on the mail as a JSON string attribute: it travels with the mail from the
 * check stage to the action stage, and stays with held and flagged mail in their repositories.
 */
final class CheckRecordAttribute {
    static final AttributeName NAME = AttributeName.of("correspondence-gateway.check");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CheckRecordAttribute() {
    }

    static void set(Mail mail, CheckRecord record) {
        try {
            mail.setAttribute(new Attribute(NAME, AttributeValue.of(JSON.writeValueAsString(record))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check record is always writable", e);
        }
    }

    static Optional<CheckRecord> get(Mail mail) {
        return mail.getAttribute(NAME).map(a -> a.getValue().getValue()).filter(String.class::isInstance).map(String.class::cast)
            .flatMap(json -> {
                try {
                    return Optional.of(JSON.readValue(json, CheckRecord.class));
                } catch (JsonProcessingException e) {
                    return Optional.empty();
                }
            });
    }
}
