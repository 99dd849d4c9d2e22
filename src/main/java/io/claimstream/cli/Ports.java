package io.claimstream.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Whether a local port can be listened on, asked before starting servers that would fail with pages of traces. */
final class Ports {
    private Ports() {}

    static boolean free(int port) {
        if (port == 0) return true;
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
