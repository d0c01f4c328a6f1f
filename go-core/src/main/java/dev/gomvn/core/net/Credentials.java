package dev.gomvn.core.net;

/** A settings.xml {@code <server>} login for the download root, already decrypted. */
public record Credentials(String serverId, String username, String password) {
    /** For logs: never includes the password. */
    @Override
    public String toString() {
        return "server '" + serverId + "' (user " + username + ")";
    }
}
