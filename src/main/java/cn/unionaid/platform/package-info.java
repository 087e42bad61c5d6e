/**
 * What every page and service needs and no business module owns: the embedded database, the signed-in
 * user and the data scope, the shell of the web pages, request ids and error handling.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.unionaid.platform;
