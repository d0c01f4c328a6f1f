package dev.gomvn.core;

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

    /** The answer for {@code key}, computed once per build; an answer that fails is not remembered. */
    @SuppressWarnings("unchecked")
    public <K extends Record, V> V remember(K key, Function<K, V> answer) {
        return (V) answers.computeIfAbsent(key, k -> answer.apply(key));
    }
}
