package dev.gleaner.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aHashIsArgon2idAtOwaspsParametersWithASaltOfItsOwn() {
        String first = Passwords.hash("正确的马 battery staple");
        String second = Passwords.hash("正确的马 battery staple");

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(second).isNotEqualTo(first);
        assertThat(Passwords.matches("正确的马 battery staple", first)).isTrue();
        assertThat(Passwords.matches("正确的马 battery staple", second)).isTrue();
    }

    @Test
    void anotherPasswordOrAHashItCannotReadDoesNotMatch() {
        String hash = Passwords.hash("correct horse");

        assertThat(Passwords.matches("correct horse ", hash)).isFalse();
        assertThat(Passwords.matches("", hash)).isFalse();
        assertThat(Passwords.matches("correct horse", "$2a$10$notbcryptatall")).isFalse();
        assertThat(Passwords.matches("correct horse", "$argon2id$v=19$broken")).isFalse();
        assertThat(Passwords.matches("correct horse", "")).isFalse();
    }

    @Test
    void theFeverKeyIsTheMd5OfNameColonPasswordInLowercaseHex() {
        // md5("admin:password"), as any md5 tool computes it
        assertThat(Passwords.feverKey("admin", "password")).isEqualTo("73eff6386ce2091b5ca702fc007e1da9");
        assertThat(Passwords.feverKey("admin", "Password")).isNotEqualTo(Passwords.feverKey("admin", "password"));
    }
}
