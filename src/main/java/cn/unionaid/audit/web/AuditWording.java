package cn.unionaid.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditEntry;
import cn.unionaid.platform.Messages;
import cn.unionaid.shared.Money;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry in the administrator's words: what was changed (对象) and its details as 名称：值 pairs in Chinese, from
 * the stored JSON, which stays as it is (the record is evidence). Amounts in fen read as 元, codes by their labels.
 */
@Component
class AuditWording {

    private final Messages messages;
    private final JsonMapper json;

    AuditWording(Messages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** 操作: the action in words. */
    String action(AuditEntry e) {
        return label("audit.action." + e.action(), e.action());
    }

    /** 对象: the kind of record and its number. */
    String entity(AuditEntry e) {
        if (e.entityType() == null) {
            return "";
        }
        return label("audit.entity." + e.entityType(), e.entityType()) + (e.entityId() == null ? "" : " " + e.entityId());
    }

    /** 详情: each detail as 名称：值, joined by ；. */
    String detail(AuditEntry e) {
        if (e.detail() == null || e.detail().isBlank()) {
            return "";
        }
        Map<String, Object> values;
        try {
            values = json.readValue(e.detail(), Map.class);
        } catch (RuntimeException notJson) {
            return e.detail();
        }
        List<String> parts = new ArrayList<>();
        values.forEach((key, value) -> parts.add(label("audit.key." + key, key) + "：" + value(key, value)));
        return String.join("；", parts);
    }

    private String value(String key, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return messages.get(b ? "common.yes" : "common.no");
        }
        if (key.endsWith("Fen") && value instanceof Number n) {
            return Money.ofFen(n.longValue()).toYuanString() + " 元";
        }
        String text = value.toString();
        return text.matches("[A-Z][A-Z_]+") ? label("audit.value." + text, text) : text;
    }

    private String label(String key, String fallback) {
        String found = messages.get(key);
        return found.equals(key) ? fallback : found;
    }
}
