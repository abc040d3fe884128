package dev.faultline.bootstrap.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the embedded PostgreSQL in a data directory belongs to a Faultline that is still running. The
 * process that started it holds a lock on {@code epg-lock} in the data directory for as long as it lives (the
 * operating system drops it when the process dies, even by {@code kill -9}), and {@code postmaster.pid} names
 * the postmaster and its port. A postmaster whose starter is gone is an orphan; one whose starter lives is
 * that Faultline's, and must never be stopped by anyone else.
 */
final class LiveOwner {
    static final String LOCK_FILE = "epg-lock";
    /** Data directories whose server this JVM started (probing our own lock would release it: POSIX locks). */
    private static final Set<Path> STARTED_HERE = ConcurrentHashMap.newKeySet();

    private LiveOwner() {
    }

    /** The running server of a live Faultline in {@code data}, if there is one. */
    static Optional<RunningServer> of(Path data) throws IOException {
        if (!STARTED_HERE.contains(data) && !lockedByAnotherProcess(data.resolve(LOCK_FILE))) {
            return Optional.empty();
        }
        Path pidFile = data.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : List.of();
        if (lines.size() < 4) {
            throw new DatabaseInUse("the embedded PostgreSQL in " + data
                    + " is being started or stopped by another Faultline; try again in a moment");
        }
        try {
            return Optional.of(new RunningServer(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (NumberFormatException e) {
            throw new DatabaseInUse("the embedded PostgreSQL in " + data + " has an unreadable postmaster.pid");
        }
    }

    static void startedHere(Path data) {
        STARTED_HERE.add(data);
    }

    static void stoppedHere(Path data) {
        STARTED_HERE.remove(data);
    }

    private static boolean lockedByAnotherProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** A postmaster of a live Faultline: its process id and port. */
    record RunningServer(long pid, int port) {
    }
}
