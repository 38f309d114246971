package io.mailsync.timeline.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A CRM user (a colleague): their addresses are never matched as customers. */
@Entity
@Table(name = "app_user")
public class AppUser {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(nullable = false)
  public String email;

  public String name;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
