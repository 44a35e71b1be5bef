package org.correspondencegateway.gateway;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;

import org.correspondencegateway.config.ConfigurationProblem;

/**
 * Turns whatever James threw while starting (usually a Guice exception wrapping the real cause several
 * levels down) into one line for the person starting the gateway.
 */
final class StartUpFailures {
    private StartUpFailures() {
    }

    static String describe(Throwable failure, GatewaySettings settings) {
        List<Throwable> chain = causes(failure);
        String log = " (details in " + settings.dataDirectory().resolve("log").resolve("gateway.log") + ")";
        for (Throwable cause : chain) {
            if (cause instanceof BindException) {
                return "cannot listen on a configured address: " + cause.getMessage()
                    + "; check smtp and webadmin in conf/gateway.yaml" + log;
            }
            if (cause instanceof ConfigurationProblem problem) {
                // the directory, the policy: already one line naming the file, line and problem
                return problem.getMessage();
            }
        }
        if (mentions(chain, "org.apache.james.mailetcontainer")) {
            return settings.chainFile().getFileName() + ": James rejected the chain: " + message(root(chain)) + log;
        }
        return "James could not start: " + message(root(chain)) + log;
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable root(List<Throwable> chain) {
        return chain.get(chain.size() - 1);
    }

    private static boolean mentions(List<Throwable> chain, String packageName) {
        return chain.stream()
            .flatMap(t -> java.util.Arrays.stream(t.getStackTrace()))
            .anyMatch(frame -> frame.getClassName().startsWith(packageName));
    }

    private static String message(Throwable cause) {
        if (cause instanceof com.google.inject.CreationException creation && !creation.getErrorMessages().isEmpty()) {
            return firstLine(creation.getErrorMessages().iterator().next().getMessage());
        }
        if (cause instanceof com.google.inject.ProvisionException provision && !provision.getErrorMessages().isEmpty()) {
            return firstLine(provision.getErrorMessages().iterator().next().getMessage());
        }
        String message = firstLine(cause.getMessage());
        return cause.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().filter(line -> !line.isBlank()).findFirst().orElse("").trim();
    }
}
