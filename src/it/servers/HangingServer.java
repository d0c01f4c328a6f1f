import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A server on 127.0.0.1 and the port given that accepts every connection and never answers: a registry that hangs.
 * Run as a single-file program ({@code java HangingServer.java <port>}) by the ITs that need one.
 */
public class HangingServer {
    public static void main(String[] args) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getByName("127.0.0.1"))) {
            while (true) {
                held.add(server.accept());
            }
        }
    }
}
