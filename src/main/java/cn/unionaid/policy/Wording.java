package cn.unionaid.policy;

/** Turns a message key and its arguments into the sentence an explanation shows. */
@FunctionalInterface
public interface Wording {

    String say(String key, Object... args);
}
