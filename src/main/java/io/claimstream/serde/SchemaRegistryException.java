package io.claimstream.serde;

/**
 * An error answered by a schema registry (or by the in-memory one), carrying Confluent's
 * {@code error_code} (e.g. 40401 subject not found, 40403 schema not found, 409 incompatible,
 * 42201 invalid schema) and the HTTP status it travels with.
 */
public class SchemaRegistryException extends RuntimeException {

  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_SOFT_DELETED = 40404;
  public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
  public static final int VERSION_SOFT_DELETED = 40406;
  public static final int VERSION_NOT_SOFT_DELETED = 40407;
  public static final int SUBJECT_CONFIG_NOT_FOUND = 40408;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int UNAUTHORIZED = 401;
  public static final int INTERNAL_ERROR = 50001;
  public static final int STORE_ERROR = 50002;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** HTTP status (404, 409, 422, 401, 500...). */
  public int status() {
    return status;
  }

  /** Confluent's error_code (40401, 409, 42201...). */
  public int errorCode() {
    return errorCode;
  }

  static SchemaRegistryException notFound(int code, String message) {
    return new SchemaRegistryException(404, code, message);
  }

  static SchemaRegistryException unprocessable(int code, String message) {
    return new SchemaRegistryException(422, code, message);
  }
}
