package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** The daemon threads of the loopback servers tests write: one per accepted connection, and pipes between sockets. */
public final class SocketThreads {
    private SocketThreads() {
    }

    /** Accepts connections on {@code server} until it is closed, serving each on a daemon thread of its own. */
    public static void acceptEach(ServerSocket server, String name, Consumer<Socket> serve) {
        daemon(name + " acceptor", () -> {
            while (!server.isClosed()) {
                try {
                    Socket connection = server.accept();
                    daemon(name + " connection", () -> serve.accept(connection));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /**
     * Copies what {@code client} sends to {@code server} on a daemon thread and what {@code server} sends back on
     * this one, each closing its direction at the end; returns when the server's direction ends.
     */
    public static void pipeBothWays(Socket client, Socket server, String name) {
        daemon(name + " upstream", () -> copy(client, server));
        copy(server, client);
    }

    public static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException closed) {
            // One side closed; the other direction ends with it.
        }
    }
}
