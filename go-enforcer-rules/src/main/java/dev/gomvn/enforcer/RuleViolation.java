package dev.gomvn.enforcer;

/** A rule found the project in breach of its policy; the message says what and how to fix it. */
final class RuleViolation extends Exception {
    RuleViolation(String message) {
        super(message);
    }
}
