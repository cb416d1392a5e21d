package io.jenkins.plugins.optimizeddeploy.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal ustar writer for image layers: directories, regular files and symbolic links, owned by root. */
final class TarArchive {
    private static final int BLOCK = 512;
    private static final int MAX_NAME = 100;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TarArchive directory(String name, int mode) {
        writeHeader(name.endsWith("/") ? name : name + "/", mode, 0, '5', "");
        return this;
    }

    TarArchive file(String name, int mode, byte[] content) {
        writeHeader(name, mode, content.length, '0', "");
        out.writeBytes(content);
        pad(content.length);
        return this;
    }

    TarArchive symlink(String name, String target) {
        writeHeader(name, 0777, 0, '2', target);
        return this;
    }

    byte[] finish() {
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    private void writeHeader(String name, int mode, long size, char type, String linkName) {
        byte[] header = new byte[BLOCK];
        put(header, 0, MAX_NAME, name);
        putOctal(header, 100, 8, mode);
        putOctal(header, 108, 8, 0);
        putOctal(header, 116, 8, 0);
        putOctal(header, 124, 12, size);
        putOctal(header, 136, 12, 0);
        header[156] = (byte) type;
        put(header, 157, MAX_NAME, linkName);
        put(header, 257, 6, "ustar");
        put(header, 263, 2, "00");
        put(header, 265, 32, "root");
        put(header, 297, 32, "root");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, 7, String.format("%06o", checksum) + "\0");
        out.writeBytes(header);
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalArgumentException("Tar header field '" + value + "' is longer than " + length + " bytes");
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static void putOctal(byte[] header, int offset, int length, long value) {
        put(header, offset, length, String.format("%0" + (length - 1) + "o", value));
    }

    private void pad(long written) {
        int remainder = (int) (written % BLOCK);
        if (remainder != 0) {
            out.writeBytes(new byte[BLOCK - remainder]);
        }
    }
}
