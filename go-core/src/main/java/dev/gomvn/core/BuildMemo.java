package dev.gomvn.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What one build learned by running go and would otherwise ask again in every module: {@code go version},
 * {@code go env -json}, {@code go tool dist list}. One per build (a Maven session): a later build in the same JVM
 * (the Maven daemon) gets a new one and asks again, so nothing outlives the build that learned it. Keys are records
 * that name every input of the answer (the go binary's stamp, the environment), so within a build an upgraded Go
 * or a changed GOENV file is still seen.
 */
public final class BuildMemo {
    private final Map<Record, Object> answers = new ConcurrentHashMap<>();
    private final Path answersOnDisk;

    /** A memo that keeps nothing beyond the build. */
    public BuildMemo() {
        this(null);
    }

    /** @param answersOnDisk where {@link #rememberOnDisk} keeps answers from one build to the next; null for nowhere */
    public BuildMemo(Path answersOnDisk) {
        this.answersOnDisk = answersOnDisk;
    }

    /** The answer for {@code key}, computed once per build; an answer that fails is not remembered. */
    @SuppressWarnings("unchecked")
    public <K extends Record, V> V remember(K key, Function<K, V> answer) {
        return (V) answers.computeIfAbsent(key, k -> answer.apply(key));
    }

    /**
     * An answer that depends on nothing but what its key names, such as a go binary's {@link FileStamp}: what that
     * binary prints for {@code go version}. Kept on disk too, under the SHA-256 of the key, so a later build (a new
     * JVM) reads it instead of starting go; a replaced binary has another stamp and so another key. An unreadable
     * or unwritable directory only costs the run.
     */
    public <K extends Record> String rememberOnDisk(K key, Function<K, String> answer) {
        return remember(key, k -> {
            if (answersOnDisk == null) {
                return answer.apply(k);
            }
            Path file = answersOnDisk.resolve(HexFormat.of()
                    .formatHex(Sha256.newDigest().digest(k.toString().getBytes(StandardCharsets.UTF_8))));
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException notYet) {
                String computed = answer.apply(k);
                try {
                    Files.createDirectories(answersOnDisk);
                    AtomicFiles.write(file, computed.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // The next build asks go again.
                }
                return computed;
            }
        });
    }
}
