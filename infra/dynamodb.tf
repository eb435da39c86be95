# The one table everything lives in. Its shape must match src/main/java/io/switchboard/store/Table.java,
# which creates the same table for local runs and tests.
resource "aws_dynamodb_table" "this" {
  name                        = local.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
  attribute {
    name = "gsi1pk"
    type = "S"
  }
  attribute {
    name = "gsi1sk"
    type = "S"
  }
  attribute {
    name = "dueShard"
    type = "S"
  }
  attribute {
    name = "dueKey"
    type = "S"
  }
  attribute {
    name = "convWs"
    type = "S"
  }
  attribute {
    name = "convKey"
    type = "S"
  }

  # Runs per contact, and contacts with an open conversation per agent.
  global_secondary_index {
    name            = "byOwner"
    hash_key        = "gsi1pk"
    range_key       = "gsi1sk"
    projection_type = "KEYS_ONLY"
  }

  # Sparse: only waiting or leased runs carry dueShard/dueKey, so the sweep reads due wake-ups only.
  global_secondary_index {
    name               = "due"
    hash_key           = "dueShard"
    range_key          = "dueKey"
    projection_type    = "INCLUDE"
    non_key_attributes = ["wakeToken"]
  }

  # Sparse: a contact carries convWs/convKey from its first conversation on, written only when a
  # conversation opens (one write unit; none on close, assignment or wake-up). The run inspector lists
  # the workspace's conversations, waiting runs and queued contacts from it, newest first.
  global_secondary_index {
    name            = "byConversation"
    hash_key        = "convWs"
    range_key       = "convKey"
    projection_type = "KEYS_ONLY"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  # KMS encryption with the AWS managed key (aws/dynamodb): no key policy to maintain.
  server_side_encryption {
    enabled = true
  }
}
