package io.jenkins.plugins.optimizeddeploy.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.optimizeddeploy.testsupport.RegistryExtension;
import io.jenkins.plugins.optimizeddeploy.testsupport.SocketThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests through the HTTP proxy the JVM's proxy selector names (Jenkins sets it from its proxy configuration): to
 * a plain registry the request line names the whole URL, to a TLS registry a CONNECT tunnel carries the TLS, whose
 * certificate is still checked against the registry's host.
 */
class RegistryTransportProxyIT {
    @RegisterExtension
    static final RegistryExtension plain = RegistryExtension.plain();

    @RegisterExtension
    static final RegistryExtension tls = RegistryExtension.tls();

    @Test
    void shouldSendPlainRequestsThroughTheProxyWithTheWholeUrl() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy(false);
                RegistryTransport transport = new RegistryTransport(RegistryOptions.defaults(), proxy.selector())) {
            URI apiRoot = plain.baseUrl().resolve("/v2/");

            assertThat(status(transport, apiRoot)).isEqualTo(200);
            assertThat(status(transport, apiRoot)).isEqualTo(200);

            assertThat(proxy.requestLines()).containsExactly("GET " + apiRoot + " HTTP/1.1");
        }
    }

    @Test
    void shouldTunnelTlsThroughTheProxyAndStillCheckTheCertificate() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy(false);
                RegistryTransport transport = new RegistryTransport(RegistryOptions.builder()
                        .caCertificate(tls.caCertificate()).build(), proxy.selector())) {
            URI apiRoot = tls.baseUrl().resolve("/v2/");

            assertThat(status(transport, apiRoot)).isEqualTo(200);

            assertThat(proxy.requestLines()).containsExactly("CONNECT " + tls.hostPort() + " HTTP/1.1");
        }
        try (ForwardProxy proxy = new ForwardProxy(false);
                RegistryTransport untrusting = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build(),
                        proxy.selector())) {
            assertThatThrownBy(() -> status(untrusting, tls.baseUrl().resolve("/v2/")))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("cannot reach the registry");
        }
    }

    @Test
    void shouldSayWhenTheProxyAsksForAuthentication() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy(true);
                RegistryTransport transport = new RegistryTransport(RegistryOptions.builder().maxRetries(0).build(),
                        proxy.selector())) {
            assertThatThrownBy(() -> status(transport, tls.baseUrl().resolve("/v2/")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("asks for authentication (407)")
                    .hasMessageContaining(tls.hostPort());
        }
    }

    private static int status(RegistryTransport transport, URI uri) {
        RegistryResponse response = transport.send(RequestKind.PING, "ping", transport.request("GET", uri));
        RegistryTransport.discard(response);
        return response.statusCode();
    }

    /**
     * A forward proxy on loopback: CONNECT opens a tunnel; any other request is passed on to the host its URL
     * names (the registry accepts the whole URL on the request line), and so is the rest of that connection. It
     * records the first request line of each connection.
     */
    private static final class ForwardProxy implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final boolean askingForAuthentication;
        private final List<String> requestLines = new CopyOnWriteArrayList<>();

        ForwardProxy(boolean askingForAuthentication) throws IOException {
            this.askingForAuthentication = askingForAuthentication;
            SocketThreads.acceptEach(socket, "forward proxy", this::serve);
        }

        /** Names this proxy for every URL, as a proxy selector does. */
        ProxySelector selector() {
            Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("127.0.0.1",
                    socket.getLocalPort()));
            return new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    return List.of(proxy);
                }

                @Override
                public void connectFailed(URI uri, SocketAddress address, IOException failure) {
                    // Nothing to learn from it here.
                }
            };
        }

        List<String> requestLines() {
            return List.copyOf(requestLines);
        }

        private void serve(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                String head = readHead(in);
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                requestLines.add(requestLine);
                String[] parts = requestLine.split(" ");
                OutputStream out = client.getOutputStream();
                if (parts[0].equals("CONNECT") && askingForAuthentication) {
                    out.write("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    return;
                }
                URI target = URI.create(parts[0].equals("CONNECT") ? "tcp://" + parts[1] : parts[1]);
                try (Socket server = new Socket(target.getHost(), target.getPort())) {
                    if (parts[0].equals("CONNECT")) {
                        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        server.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                    }
                    SocketThreads.pipeBothWays(client, server, "forward proxy");
                }
            } catch (IOException dropped) {
                // Either side went away.
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b == -1) {
                    throw new IOException("the client went away");
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
