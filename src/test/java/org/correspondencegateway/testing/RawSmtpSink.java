package org.correspondencegateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A next hop that takes any message as bytes and never parses it, as a real MTA's queue does (Postfix
 * takes a broken MIME structure without complaint). GreenMail parses what it receives and refuses some
 * of the hostile corpus itself, which would hide what the gateway did; this sink does not. It speaks the
 * least of SMTP a sender needs (EHLO with 8BITMIME, MAIL, RCPT, DATA, RSET, NOOP, QUIT) on 127.0.0.1,
 * and can refuse recipients, as a council's mail server does when it is overloaded or the user is unknown.
 */
public final class RawSmtpSink implements AutoCloseable {
    /** One message as received: its envelope recipients and its bytes (ISO-8859-1, dot-unstuffed). */
    public record Received(List<String> recipients, String raw) {
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "raw-smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Function<String, Optional<String>> refusal;

    public RawSmtpSink() throws IOException {
        this(recipient -> Optional.empty());
    }

    /**
     * A sink that answers RCPT for a recipient with {@code refusal}'s reply when it gives one
     * (e.g. {@code "451 4.3.0 try again later"} or {@code "550 5.1.1 no such user"}), and 250 otherwise.
     */
    public RawSmtpSink(Function<String, Optional<String>> refusal) throws IOException {
        this.refusal = refusal;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private Void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> converse(socket));
            } catch (IOException closed) {
                return null;
            }
        }
        return null;
    }

    private Void converse(Socket socket) throws IOException {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink.localhost ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink.localhost\r\n250-8BITMIME\r\n250 PIPELINING");
                    case "HELO", "NOOP" -> reply(out, "250 OK");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        String recipient = line.substring(line.indexOf(':') + 1).strip();
                        Optional<String> refused = refusal.apply(recipient);
                        if (refused.isPresent()) {
                            reply(out, refused.get());
                        } else {
                            recipients.add(recipient);
                            reply(out, "250 OK");
                        }
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "554 no valid recipients");
                            continue;
                        }
                        reply(out, "354 go on");
                        StringBuilder raw = new StringBuilder();
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            raw.append(data.startsWith(".") ? data.substring(1) : data).append("\r\n");
                        }
                        received.add(new Received(List.copyOf(recipients), raw.toString()));
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return null;
                    }
                    default -> reply(out, "502 not here");
                }
            }
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
