package io.univinsight.crawler.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's tesseract command line, one picture per run: a single text line (--psm 7) in the characters
 * an address is written with (lower case: upper-case glyphs then read as the letters they are, and
 * addresses are case-insensitive anyway). The picture goes through a temporary file, never a pipe, so a
 * run that hangs cannot block the crawler on a full pipe; past the time limit the process is killed.
 */
public final class Tesseract {
    private static final String CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789@.-_+";
    private final Path executable;
    private final Duration timeout;

    public Tesseract(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** A run that did not give a reading: it failed, or ran out of time and was killed. */
    public static final class OcrFailure extends Exception {
        OcrFailure(String message) {
            super(message);
        }
    }

    /** The text tesseract reads in a PNG. */
    String read(byte[] png) throws OcrFailure, InterruptedException {
        Path input = null;
        Process process = null;
        try {
            input = Files.createTempFile("univinsight-ocr-", ".png");
            Files.write(input, png);
            ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), input.toString(), "stdout", "--psm", "7",
                    "-l", "eng", "-c", "tessedit_char_whitelist=" + CHARACTERS))
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("OMP_THREAD_LIMIT", "1"); // its threads only slow a one-line read on a shared machine
            process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OcrFailure("tesseract ran over " + timeout.toMillis() + " ms");
            }
            // One line of text: far below a pipe's buffer, so the process never waited on this read.
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new OcrFailure("tesseract exited with " + process.exitValue());
            }
            return text;
        } catch (IOException e) {
            throw new OcrFailure("tesseract could not run: " + e.getMessage());
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException ignored) {
                    // a temp file left behind; the OS cleans its temp folder
                }
            }
        }
    }
}
