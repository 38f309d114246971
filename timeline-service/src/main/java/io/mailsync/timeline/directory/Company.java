package io.mailsync.timeline.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer company, identified by its email domains (never free-mail ones). */
@Entity
@Table(name = "company")
public class Company {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(nullable = false)
  public String name;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "email_domains", nullable = false)
  public String[] emailDomains;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
