package io.mailsync.timeline.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person at a customer, matched by their address (one contact per address in a tenant). */
@Entity
@Table(name = "contact")
public class Contact {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Column(name = "company_id")
  public UUID companyId;

  @Column(nullable = false)
  public String email;

  public String name;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
