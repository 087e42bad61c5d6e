/**
 * Value types every module shares: money in fen, ID numbers, bank cards, region codes, and the field
 * encryption that keeps personal data unreadable at rest.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.unionaid.shared;
