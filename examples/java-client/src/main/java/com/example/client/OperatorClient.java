package com.example.client;

/** Talks to the hello-operator; here only to show a Java module living beside Go modules. */
public final class OperatorClient {
    private final String endpoint;

    public OperatorClient(String endpoint) {
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
