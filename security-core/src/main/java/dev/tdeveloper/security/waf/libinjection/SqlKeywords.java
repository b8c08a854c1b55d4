package dev.tdeveloper.security.waf.libinjection;

import java.util.HashMap;
import java.util.Map;

/**
 * Our SQL vocabulary: which class ({@link SqlTokens} type character) each word has, and which
 * two-word phrases fold into one token ({@code UNION ALL}, {@code ORDER BY}, {@code NOT IN}, ...).
 * The lists are ours, drawn from the MySQL, PostgreSQL, MS SQL Server, Oracle and SQLite dialects.
 * Thread-safe (immutable).
 */
final class SqlKeywords {
  private SqlKeywords() {}

  /** Single words. */
  static final WordTable WORDS = new WordTable(words());

  /** Two-word phrases, keyed "FIRST SECOND". */
  static final WordTable PHRASES = new WordTable(phrases());

  private static Map<String, Character> words() {
    Map<String, Character> m = new HashMap<>();
    put(
        m,
        'E',
        "SELECT INSERT UPDATE DELETE REPLACE DROP CREATE ALTER TRUNCATE MERGE CASE RENAME GRANT"
            + " REVOKE HANDLER UPSERT COPY");
    put(m, 'T', "DECLARE EXEC EXECUTE WAITFOR SHUTDOWN DBCC OPENQUERY");
    put(m, 'U', "UNION INTERSECT EXCEPT");
    put(m, 'B', "HAVING LIMIT");
    put(m, '&', "AND OR XOR");
    put(m, 'o', "NOT IN LIKE ILIKE RLIKE REGEXP BETWEEN IS DIV MOD SOUNDS GLOB");
    put(m, '1', "NULL TRUE FALSE UNKNOWN");
    put(m, 'A', "COLLATE");
    put(
        m,
        't',
        "INT INTEGER BIGINT SMALLINT TINYINT MEDIUMINT VARCHAR NVARCHAR VARCHAR2 NCHAR BINARY"
            + " VARBINARY SIGNED UNSIGNED DECIMAL NUMERIC FLOAT DOUBLE REAL DATETIME BLOB"
            + " BOOLEAN BOOL CLOB");
    put(
        m,
        'k',
        "FROM WHERE INTO TABLE AS ON SET VALUES ALL DISTINCT DISTINCTROW TOP JOIN BY ASC DESC"
            + " WHEN THEN ELSE END OUTFILE DUMPFILE OFFSET FETCH ROWS ONLY PROCEDURE DELAY"
            + " COLUMN COLUMNS INDEX VIEW SCHEMA USING USE BEGIN COMMIT ROLLBACK RETURN WHILE"
            + " LOOP FOR IGNORE LOCK UNLOCK INTERVAL OUTER INNER CROSS NATURAL STRAIGHT_JOIN"
            + " TABLES PRIVILEGES IDENTIFIED FIELDS LINES TERMINATED ENCLOSED"
            + " INFORMATION_SCHEMA SYSOBJECTS SYSCOLUMNS MYSQL PG_SHADOW SHOW DESCRIBE EXPLAIN"
            + " DEALLOCATE PREPARE RETURNS RAISERROR CURSOR TRAN TRANSACTION");
    put(
        m,
        'f',
        "SLEEP BENCHMARK PG_SLEEP IF IFNULL ISNULL NULLIF COALESCE CONCAT CONCAT_WS GROUP_CONCAT"
            + " CHAR CHR ASCII ORD SUBSTRING SUBSTR MID LEFT RIGHT LENGTH LEN CHAR_LENGTH HEX"
            + " UNHEX CAST CONVERT COUNT SUM MIN MAX AVG VERSION DATABASE USER CURRENT_USER"
            + " SYSTEM_USER SESSION_USER LOAD_FILE EXTRACTVALUE UPDATEXML RAND FLOOR CEIL MD5 SHA1"
            + " SHA2 NOW SYSDATE EXISTS ELT MAKE_SET POW POWER EXP NAME_CONST JSON_EXTRACT LOWER"
            + " UPPER LCASE UCASE TRIM LTRIM RTRIM REVERSE REPEAT SPACE INSTR LOCATE POSITION"
            + " STRCMP CURRENT_TIMESTAMP ROW_COUNT LAST_INSERT_ID FOUND_ROWS CONNECTION_ID UUID"
            + " OPENROWSET OPENDATASOURCE HAS_DBACCESS DB_NAME SUSER_NAME SUSER_SNAME"
            + " IS_SRVROLEMEMBER TO_CHAR TO_NUMBER XP_CMDSHELL SP_EXECUTESQL SP_OACREATE"
            + " XP_REGREAD XP_DIRTREE UTL_HTTP UTL_INADDR DBMS_PIPE DBMS_LOCK DBMS_XMLGEN"
            + " CTXSYS SQLITE_VERSION RANDOMBLOB PG_READ_FILE LO_IMPORT CURRENT_DATABASE"
            + " ASCII_STR NCHR BIN OCT CONV SOUNDEX QUOTE STUFF REPLICATE DATALENGTH"
            + " CHARINDEX PATINDEX ROUND ABS SIGN GREATEST LEAST FIELD FIND_IN_SET EXPORT_SET"
            + " REGEXP_LIKE REGEXP_SUBSTR XMLTYPE HOST_NAME SCHEMA_NAME OBJECT_ID COL_NAME"
            + " WAIT_FOR_EXECUTED_GTID_SET MASTER_POS_WAIT GET_LOCK RELEASE_LOCK");
    return m;
  }

  private static Map<String, Character> phrases() {
    Map<String, Character> m = new HashMap<>();
    m.put("UNION ALL", 'U');
    m.put("UNION DISTINCT", 'U');
    m.put("ORDER BY", 'B');
    m.put("GROUP BY", 'B');
    m.put("PARTITION BY", 'B');
    for (String op : "IN LIKE ILIKE RLIKE REGEXP BETWEEN GLOB SIMILAR".split(" ")) {
      m.put("NOT " + op, 'o');
    }
    m.put("IS NOT", 'o');
    m.put("SOUNDS LIKE", 'o');
    m.put("SIMILAR TO", 'o');
    for (String j : "LEFT RIGHT INNER OUTER CROSS FULL NATURAL".split(" ")) {
      m.put(j + " JOIN", 'k');
    }
    m.put("LEFT OUTER", 'k');
    m.put("RIGHT OUTER", 'k');
    m.put("FULL OUTER", 'k');
    m.put("INTO OUTFILE", 'k');
    m.put("INTO DUMPFILE", 'k');
    m.put("FOR UPDATE", 'k');
    m.put("WAITFOR DELAY", 'T');
    m.put("WAITFOR TIME", 'T');
    m.put("NOT EXISTS", 'f');
    m.put("CHARACTER SET", 'k');
    return m;
  }

  private static void put(Map<String, Character> m, char type, String words) {
    for (String w : words.split(" ")) {
      if (m.putIfAbsent(w, type) != null) {
        throw new IllegalStateException("duplicate SQL word " + w);
      }
    }
  }
}
