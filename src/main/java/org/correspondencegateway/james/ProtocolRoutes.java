package org.correspondencegateway.james;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.webadmin.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.correspondencegateway.action.ReviewEntry;
import org.correspondencegateway.audit.AuditEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The Town Clerk's review queue over James's webadmin, for the console and for an operator with
 * {@code curl}. Add it to {@code webadmin.properties}:
 * {@code extensions.routes=org.correspondencegateway.james.ProtocolRoutes}.
 *
 * <pre>
 * GET  /correspondence-gateway/status                    directory health; held, flagged; mail waiting to be checked or sent
 * GET  /correspondence-gateway/held                      messages waiting for the Clerk, oldest first
 * GET  /correspondence-gateway/held/{key}                one of them: the check's findings and its audit trail
 * GET  /correspondence-gateway/held/{key}/message        the message itself (message/rfc822)
 * POST /correspondence-gateway/held/{key}/release        {"reviewer": "s-akhtar", "note": "optional"}
 * POST /correspondence-gateway/held/{key}/reject         {"reviewer": "s-akhtar", "reason": "told to the sender"}
 * GET  /correspondence-gateway/flagged                   delivered messages with findings, not yet acknowledged
 * GET  /correspondence-gateway/flagged/{key}             one of them
 * GET  /correspondence-gateway/flagged/{key}/message     the message as delivered
 * POST /correspondence-gateway/flagged/{key}/acknowledge {"reviewer": "s-akhtar", "note": "optional"}
 * GET  /correspondence-gateway/audit?limit=100           the latest audit events, newest first
 * </pre>
 * A reviewer is a person the directory names as the Clerk or a reviewer. Errors are JSON
 * ({@code {"status": 404, "message": "no held message ..."}}): 400 bad request, 403 not a reviewer,
 * 404 no such message.
 */
public final class ProtocolRoutes implements Routes {
    public static final String BASE = "/correspondence-gateway";

    private static final Logger LOGGER = LoggerFactory.getLogger(ProtocolRoutes.class);
    private static final MailQueueName SPOOL = MailQueueFactory.SPOOL;
    private static final MailQueueName OUTGOING = MailQueueName.of("outgoing");

    private final HeldMail heldMail;
    private final GatewayServices services;
    private final MailQueueFactory<? extends ManageableMailQueue> queues;
    private final ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    public ProtocolRoutes(HeldMail heldMail, GatewayServices services, MailQueueFactory<? extends ManageableMailQueue> queues) {
        this.heldMail = heldMail;
        this.services = services;
        this.queues = queues;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE + "/status", (request, response) -> write(response, status()));
        service.get(BASE + "/held", (request, response) -> write(response, heldMail.held()));
        service.get(BASE + "/held/:key", (request, response) -> handle(response, () -> detail(heldMail.held(key(request)), request)));
        service.get(BASE + "/held/:key/message", (request, response) -> message(response, heldMail.heldMessage(key(request))));
        service.post(BASE + "/held/:key/release", (request, response) -> handle(response, () -> {
            JsonNode body = body(request);
            heldMail.release(key(request), text(body, "reviewer"), optional(body, "note"));
            return Map.of("released", key(request));
        }));
        service.post(BASE + "/held/:key/reject", (request, response) -> handle(response, () -> {
            JsonNode body = body(request);
            heldMail.reject(key(request), text(body, "reviewer"), optional(body, "reason").orElse(""));
            return Map.of("rejected", key(request));
        }));
        service.get(BASE + "/flagged", (request, response) -> write(response, heldMail.flagged()));
        service.get(BASE + "/flagged/:key", (request, response) -> handle(response, () -> detail(heldMail.flagged(key(request)), request)));
        service.get(BASE + "/flagged/:key/message", (request, response) -> message(response, heldMail.flaggedMessage(key(request))));
        service.post(BASE + "/flagged/:key/acknowledge", (request, response) -> handle(response, () -> {
            JsonNode body = body(request);
            heldMail.acknowledge(key(request), text(body, "reviewer"), optional(body, "note"));
            return Map.of("acknowledged", key(request));
        }));
        service.get(BASE + "/audit", (request, response) -> {
            int limit = Optional.ofNullable(request.queryParams("limit")).map(ProtocolRoutes::limit).orElse(100);
            return write(response, services.audit().latest(limit));
        });
    }

    private Map<String, Object> status() throws MessagingException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("council", services.directory().current().council());
        status.put("directoryProblem", services.directory().problem().map(p -> p.getMessage()));
        status.put("held", heldMail.held().size());
        status.put("flagged", heldMail.flagged().size());
        // Mail accepted and not yet checked (spool), and checked mail the next hop has not yet taken
        // (outgoing: waiting for a retry when the council's mail server refuses or cannot be reached).
        status.put("waitingToBeChecked", queueSize(SPOOL));
        status.put("waitingToBeSent", queueSize(OUTGOING));
        return status;
    }

    private Optional<Long> queueSize(MailQueueName name) {
        try {
            Optional<? extends ManageableMailQueue> queue = queues.getQueue(name);
            return queue.isPresent() ? Optional.of(queue.get().getSize()) : Optional.empty();
        } catch (MailQueue.MailQueueException e) {
            LOGGER.warn("The size of mail queue {} cannot be read", name.asString(), e);
            return Optional.empty();
        }
    }

    private Map<String, Object> detail(Optional<ReviewEntry> entry, Request request) throws HeldMail.Refused {
        ReviewEntry found = entry.orElseThrow(() -> new HeldMail.Refused(404, "no such message " + key(request)));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("entry", found);
        List<AuditEvent> trail = services.audit().forMail(found.key());
        detail.put("audit", trail);
        return detail;
    }

    private interface Action {
        Object run() throws Exception;
    }

    private String handle(Response response, Action action) throws Exception {
        try {
            return write(response, action.run());
        } catch (HeldMail.Refused refused) {
            return error(response, refused.status(), refused.getMessage());
        } catch (BadRequest bad) {
            return error(response, 400, bad.getMessage());
        }
    }

    private Object message(Response response, Optional<byte[]> message) throws IOException {
        if (message.isEmpty()) {
            return error(response, 404, "no such message");
        }
        response.type("message/rfc822");
        response.raw().getOutputStream().write(message.get());
        return "";
    }

    private String write(Response response, Object value) throws JsonProcessingException {
        response.type("application/json");
        return json.writeValueAsString(value);
    }

    private String error(Response response, int status, String message) throws JsonProcessingException {
        response.status(status);
        return write(response, Map.of("status", status, "message", message));
    }

    private static String key(Request request) {
        return request.params(":key");
    }

    /**
     * The decision's fields: a JSON object ({@code Content-Type: application/json}), or form fields
     * ({@code curl -d reviewer=s-akhtar -d note=...}).
     */
    private JsonNode body(Request request) throws BadRequest {
        String type = Optional.ofNullable(request.contentType()).orElse("");
        if (type.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode fields = json.createObjectNode();
            for (String name : request.queryParams()) {
                String value = request.queryParams(name);
                if (name.trim().startsWith("{")) {
                    throw new BadRequest("JSON was sent as a form: add the header Content-Type: application/json");
                }
                fields.put(name, value);
            }
            return fields;
        }
        return object(Optional.ofNullable(request.body()).orElse(""));
    }

    private JsonNode object(String text) throws BadRequest {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new BadRequest("the request body must be a JSON object, e.g. {\"reviewer\": \"s-akhtar\"}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequest("the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) throws BadRequest {
        return optional(body, field).orElseThrow(() -> new BadRequest("\"" + field + "\" is required"));
    }

    private static Optional<String> optional(JsonNode body, String field) {
        return Optional.ofNullable(body.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank());
    }

    private static int limit(String text) {
        try {
            return Math.max(1, Math.min(10_000, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
