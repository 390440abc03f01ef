package io.trestle.example.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trestle.testsupport.Programs;
import io.trestle.testsupport.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * testssl.sh against the packaged app serving HTTPS as the README sets it up (a self-signed EC
 * key from keytool, a password file): protocols, cipher categories, server preferences, the
 * certificate, HTTP headers and the vulnerability checks. Every finding testssl rates LOW or
 * worse, or could not complete (WARN), fails the test, except those about the test certificate
 * itself (self-signed, no CRL or OCSP); no line of its report may say VULNERABLE.
 *
 * <p>testssl's report and JSON are kept in {@code target/tools}.
 */
@RequiresProgram(value = "testssl", install = "apt-get install -y testssl.sh")
class TestsslIT {
    /** What testssl rates a problem (its severities are OK, INFO, LOW, MEDIUM, HIGH, CRITICAL, WARN, DEBUG). */
    static final Set<String> PROBLEMS = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL", "WARN");
    /**
     * Findings that are the self-signed test certificate's, not the server's: a real deployment
     * brings a CA-issued certificate (README, "HTTPS"). {@code cert_serialNumberLen}: keytool draws
     * the test certificate's serial number at random, and about one in 256 starts with a zero byte,
     * which testssl counts as 7 bytes, "not enough entropy".
     */
    static final Set<String> TEST_CERTIFICATE_FINDINGS = Set.of("cert_chain_of_trust", "cert_revocation",
            "cert_ocspURL", "cert_crlDistributionPoints", "OCSP_stapling", "cert_mustStapleExtension",
            "cert_certificateTransparency", "cert_trust", "DNS_CAArecord", "cert_serialNumberLen");
    static final Path OUT = Path.of("target/tools").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void findsNothingButTheTestCertificate() throws Exception {
        Path testssl = Programs.require("testssl");
        Files.createDirectories(OUT);
        // As the README: a random password in a file, keytool's EC key for localhost (its default validity).
        Path keystore = tmp.resolve("server.p12");
        Path passwordFile = tmp.resolve("server.pass");
        String password = "pw-" + System.nanoTime();
        Files.writeString(passwordFile, password + "\n");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password)
                .redirectErrorStream(true).start();
        String keytoolOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + keytoolOut);

        Path json = OUT.resolve("testssl.json");
        Files.deleteIfExists(json); // testssl refuses to overwrite it
        Tool run;
        try (JarApp app = JarApp.start(tmp, "--tls-keystore", keystore.toString(), "--tls-password-file", passwordFile.toString())) {
            // -p protocols, -s cipher categories, -P server preferences, -S certificate and
            // server defaults, -h HTTP headers, -U vulnerabilities; about a minute on 2 busy cores.
            run = Tool.run(List.of(testssl.toString(), "--warnings", "batch", "--color", "0", "--nodns", "min",
                    "--ip", "127.0.0.1", "--jsonfile", json.toString(), "-p", "-s", "-P", "-S", "-h", "-U",
                    "https://localhost:" + app.port() + "/"), tmp, OUT.resolve("testssl.txt"), 420);
        }
        System.out.println(summary(run.output()));
        System.out.println("testssl took " + run.millis() + " ms, exit status " + run.exitStatus());
        // Its exit status is not a verdict (3.0 sets it from what it found); a finished scan ends with "Done".
        assertTrue(run.output().lines().anyMatch(l -> l.strip().startsWith("Done ")) && Files.size(json) > 0,
                () -> "testssl did not finish its scan (exit " + run.exitStatus() + "):\n" + Tool.tail(run.output(), 3000));

        List<String> problems = new ArrayList<>();
        for (JsonNode finding : new ObjectMapper().readTree(json.toFile())) {
            String id = finding.path("id").asText();
            String severity = finding.path("severity").asText();
            if (PROBLEMS.contains(severity) && !TEST_CERTIFICATE_FINDINGS.contains(id)) {
                problems.add(severity + " " + id + ": " + finding.path("finding").asText());
            }
        }
        // Upper case only: testssl writes "not vulnerable" for a passed check, "VULNERABLE" and
        // "potentially VULNERABLE" for a failed one.
        List<String> vulnerable = run.output().lines().filter(l -> l.contains("VULNERABLE")).map(String::strip).toList();
        assertTrue(vulnerable.isEmpty() && problems.isEmpty(), "testssl's lines saying VULNERABLE:\n" + String.join("\n", vulnerable)
                + "\ntestssl's findings rated LOW or worse, beyond the test certificate's own:\n" + String.join("\n", problems));
    }

    /** testssl's report from the protocols on (its banner and the certificate's fingerprints left out). */
    static String summary(String report) {
        StringBuilder s = new StringBuilder("testssl summary:\n");
        boolean on = false;
        for (String line : report.lines().toList()) {
            if (line.contains("Testing protocols")) {
                on = true;
            }
            if (on && !line.isBlank() && !line.contains("Fingerprints") && !line.strip().startsWith("SHA256 ")) {
                s.append(line).append('\n');
            }
        }
        return s.toString();
    }
}
