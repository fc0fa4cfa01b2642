package io.digitstudio.runs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which runs are alive: a recording process holds an OS lock on the run's {@code lock} file for as long as it runs, and
 * the OS drops it when the process dies, however it dies. So a run that says "running" but whose lock anyone can take
 * was interrupted. Locks this process holds are tracked here and never probed: on Linux, closing any channel to a file
 * drops all of the process's locks on it.
 */
final class RunLocks {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private RunLocks() {
    }

    /** A held lock, released by {@link #close}. */
    static final class Held implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            HELD.remove(file);
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the process is ending the run: the OS drops the lock with the channel anyway
            }
        }
    }

    static Held acquire(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        FileChannel ch = FileChannel.open(abs, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) throw new IOException("the run " + abs.getParent().getFileName() + " is locked by another process");
            HELD.add(abs);
            return new Held(abs, ch, l);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Whether some process (this one included) holds the lock. */
    static boolean alive(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (HELD.contains(abs)) return true;
        if (!abs.toFile().exists()) return false;
        try (FileChannel ch = FileChannel.open(abs, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) return true;
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // unreadable: nobody can be recording there
        }
    }
}
