package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imrsearch.web.WriteAccess.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAccessTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private static InetAddress ip(String literal) throws IOException {
    return InetAddress.getByName(literal);
  }

  @Test
  void withATokenFileAWriteNeedsThatBearerToken(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "s3cret-token\n");
    WriteAccess access = WriteAccess.fromTokenFile(file);
    assertEquals(Decision.ALLOWED, access.check("Bearer s3cret-token", ip("203.0.113.7")));
    assertEquals(Decision.ALLOWED, access.check("bearer s3cret-token", LOOPBACK));
    assertEquals(Decision.UNAUTHORIZED, access.check("Bearer s3cret-tokem", LOOPBACK));
    assertEquals(Decision.UNAUTHORIZED, access.check("Bearer s3cret", LOOPBACK));
    assertEquals(Decision.UNAUTHORIZED, access.check("Basic s3cret-token", LOOPBACK));
    assertEquals(Decision.UNAUTHORIZED, access.check(null, LOOPBACK), "loopback needs it too");
  }

  @Test
  void withoutATokenFileOnlyLoopbackClientsMayWrite() throws IOException {
    WriteAccess access = WriteAccess.loopbackOnly();
    assertFalse(access.requiresToken());
    assertEquals(Decision.ALLOWED, access.check(null, ip("127.0.0.1")));
    assertEquals(Decision.ALLOWED, access.check(null, ip("::1")));
    assertEquals(Decision.FORBIDDEN, access.check(null, ip("192.168.1.20")));
    assertEquals(Decision.FORBIDDEN, access.check("Bearer anything", ip("203.0.113.7")));
  }

  @Test
  void anEmptyTokenFileIsRefusedWithoutShowingItsContent(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "  \n");
    assertThrows(IOException.class, () -> WriteAccess.fromTokenFile(file));
  }
}
