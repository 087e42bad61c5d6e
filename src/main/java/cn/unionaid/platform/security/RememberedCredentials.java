package cn.unionaid.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a password with bcrypt, then remembers for a short while (in memory only) that this name and password
 * were right, so that a person's HTTP Basic calls do not pay a bcrypt each. The account is still loaded on every
 * call — disabled, locked and temporary-password accounts are refused as before — and a remembered password counts
 * only while the account's stored hash is the one it was checked against, so a changed or reset password ends it.
 */
class RememberedCredentials implements AuthenticationProvider {

    private record Entry(String passwordHash, Instant until) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider checked;
    private final UserDetailsService users;
    private final Duration keep;
    private final Map<String, Entry> remembered = new ConcurrentHashMap<>();

    RememberedCredentials(UserDetailsService users, PasswordEncoder encoder, Duration keep) {
        this.checked = new DaoAuthenticationProvider(users);
        this.checked.setPasswordEncoder(encoder);
        this.users = users;
        this.keep = keep;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (name == null || credentials == null) {
            return checked.authenticate(authentication);
        }
        String key = name + "\u0000" + sha256(credentials.toString());
        Entry entry = remembered.get(key);
        if (entry != null && entry.until().isAfter(Instant.now())) {
            UserDetails user = users.loadUserByUsername(name);
            if (entry.passwordHash().equals(user.getPassword()) && user.isEnabled() && user.isAccountNonLocked()
                    && user.isAccountNonExpired() && user.isCredentialsNonExpired()) {
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }
            remembered.remove(key);
        }
        Authentication result = checked.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof UserDetails user && user.getPassword() != null) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            remembered.put(key, new Entry(user.getPassword(), Instant.now().plus(keep)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
