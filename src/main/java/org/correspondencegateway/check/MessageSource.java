package org.correspondencegateway.check;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.apache.james.mime4j.mboxiterator.CharBufferWrapper;
import org.apache.james.mime4j.mboxiterator.MboxIterator;

/**
 * The messages to check, from what the user named: {@code .eml} files, folders of them (searched
 * recursively, in name order), and mbox archives (recognised by their first line, {@code "From "}).
 */
final class MessageSource {
    private static final int MAX_MBOX_MESSAGE = 64 * 1024 * 1024;
    private static final String FROM_LINE = "^From \\S+ .*\\d{4}\\s*$";

    /**
     * One message to check.
     *
     * @param label where it came from: a file, or an archive and the message's number in it
     * @param bytes the raw message
     */
    record Sourced(String label, byte[] bytes) {
        InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** A message that could not even be taken out of its file. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String label;

        Unreadable(String label, IOException cause) {
            super(label + ": " + cause.getMessage(), cause);
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final List<Path> files;
    private final int total;

    private MessageSource(List<Path> files, int total) {
        this.files = files;
        this.total = total;
    }

    /** Lists the files under {@code paths}, and counts their messages for the progress bar. */
    static MessageSource of(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(MessageSource::looksLikeMail).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException(path + ": no such file or folder");
            }
        }
        int total = 0;
        for (Path file : files) {
            total += isMbox(file) ? countMbox(file) : 1;
        }
        return new MessageSource(List.copyOf(files), total);
    }

    int total() {
        return total;
    }

    /** The messages in order; an mbox is read one message at a time. */
    Iterator<Sourced> iterator() {
        return files.stream().flatMap(file -> {
            try {
                return isMbox(file) ? mbox(file) : Stream.of(new Sourced(file.toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new Unreadable(file.toString(), e);
            }
        }).iterator();
    }

    private static Stream<Sourced> mbox(Path file) throws IOException {
        MboxIterator mbox;
        try {
            // "From sender@host date" (mboxrd), "From MAILER-DAEMON date", "From - date" (Thunderbird)
            mbox = MboxIterator.fromFile(file).charset(StandardCharsets.ISO_8859_1).fromLine(FROM_LINE)
                .maxMessageSize(MAX_MBOX_MESSAGE).build();
        } catch (IllegalArgumentException e) {
            throw new IOException("not an mbox archive (" + e.getMessage() + ")", e);
        }
        Iterator<CharBufferWrapper> messages = mbox.iterator();
        Iterator<Sourced> sourced = new Iterator<>() {
            private int number;

            @Override
            public boolean hasNext() {
                boolean more = messages.hasNext();
                if (!more) {
                    try {
                        mbox.close();
                    } catch (IOException ignored) {
                        // read-only
                    }
                }
                return more;
            }

            @Override
            public Sourced next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String text = messages.next().toString();
                number++;
                // drop the mbox "From " separator line; it is not a header
                int firstLineEnd = text.indexOf('\n');
                if (text.startsWith("From ") && firstLineEnd > 0) {
                    text = text.substring(firstLineEnd + 1);
                }
                return new Sourced(file + " #" + number, text.replaceAll("(?m)^>(>*From )", "$1").getBytes(StandardCharsets.ISO_8859_1));
            }
        };
        return Stream.iterate(sourced, Iterator::hasNext, it -> it).map(Iterator::next);
    }

    private static boolean looksLikeMail(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".eml") || name.endsWith(".mbox") || name.endsWith(".mbx") || isMbox(file);
    }

    static boolean isMbox(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] start = in.readNBytes(5);
            return new String(start, StandardCharsets.ISO_8859_1).equals("From ");
        } catch (IOException e) {
            return false;
        }
    }

    private static int countMbox(Path file) throws IOException {
        int count = 0;
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            java.util.regex.Pattern from = java.util.regex.Pattern.compile(FROM_LINE);
            count = (int) lines.filter(line -> from.matcher(line).matches()).count();
        }
        return count;
    }
}
