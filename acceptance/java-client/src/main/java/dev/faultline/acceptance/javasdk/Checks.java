package dev.faultline.acceptance.javasdk;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs named checks and prints one {@code ok}/{@code FAIL} line each, like the other acceptance suites. Each
 * check also has a hard limit on top of the SDK's own timeouts, so a hang anywhere fails the check instead of
 * blocking CI.
 */
final class Checks implements AutoCloseable {
    interface Body {
        void run() throws Exception;
    }

    private final String suite;
    private final long limitSeconds;
    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "check");
        thread.setDaemon(true);
        return thread;
    });
    private int passed;
    private int failed;

    Checks(String suite, long limitSeconds) {
        this.suite = suite;
        this.limitSeconds = limitSeconds;
    }

    void check(String name, Body body) {
        Future<?> running = runner.submit(() -> {
            body.run();
            return null;
        });
        try {
            running.get(limitSeconds, TimeUnit.SECONDS);
            passed++;
            System.out.println("ok   " + suite + ": " + name);
        } catch (ExecutionException e) {
            fail(name, describe(e.getCause()));
        } catch (TimeoutException e) {
            running.cancel(true);
            fail(name, "no answer within " + limitSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(name, "interrupted");
        }
    }

    static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    boolean allPassed() {
        return failed == 0;
    }

    String summary() {
        return suite + ": " + passed + " passed, " + failed + " failed";
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    private void fail(String name, String why) {
        failed++;
        System.out.println("FAIL " + suite + ": " + name + ": " + why);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof AssertionError) {
            return failure.getMessage();
        }
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(cause);
        }
        return text.toString();
    }
}
