variable "prefix" {
  description = "Prefix of every resource name (table, functions, roles, queue, schedule group, alarms). One prefix per environment, e.g. switchboard-prod."
  type        = string
  default     = "switchboard"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{0,39}$", var.prefix))
    error_message = "prefix must start with a letter and hold at most 40 letters, digits or dashes."
  }
}

variable "region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "us-east-1"
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

variable "lambda_zip_path" {
  description = "Path of the application package built by `./mvnw -B package -Dlambda -DskipTests`."
  type        = string
  default     = "../target/function.zip"
}

variable "lambda_architecture" {
  description = "Instruction set of the functions: x86_64 or arm64 (the package is plain Java and runs on both)."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.lambda_architecture)
    error_message = "lambda_architecture must be x86_64 or arm64."
  }
}

variable "lambda_memory_size" {
  description = "Memory of each function in MB; Lambda gives CPU in proportion to it."
  type        = number
  default     = 1024
}

variable "lambda_timeout" {
  description = "Timeout in seconds of the http and wakeUp functions."
  type        = number
  default     = 30
}

variable "sweep_timeout" {
  description = "Timeout in seconds of the sweep function, which may resume a batch of due runs. Keep it under 60: it runs every minute."
  type        = number
  default     = 55
}

variable "reserved_concurrency" {
  description = "Reserved concurrent executions per function, keyed http, wakeUp, sweep or wakeUpQueue. Functions left out use the account's unreserved pool."
  type        = map(number)
  default     = {}

  validation {
    condition     = alltrue([for k in keys(var.reserved_concurrency) : contains(["http", "wakeUp", "sweep", "wakeUpQueue"], k)])
    error_message = "reserved_concurrency keys must be http, wakeUp, sweep or wakeUpQueue."
  }
}

variable "snap_start" {
  description = "Enable Lambda SnapStart on the published versions the `live` aliases point to (shorter cold starts for Java)."
  type        = bool
  default     = true
}

variable "lambda_java_options" {
  description = "JVM options of the functions (JAVA_TOOL_OPTIONS). The default stops the JIT at its first tier: a function's instances are short-lived and start often, and the benchmark measured 42% less processor time to the first handled request with it; set \"\" for long-lived, busy instances."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
}

variable "log_retention_days" {
  description = "Retention of the functions' CloudWatch log groups, in days."
  type        = number
  default     = 30
}

variable "table_name" {
  description = "Name of the DynamoDB table. Defaults to the prefix."
  type        = string
  default     = null
}

variable "table_deletion_protection" {
  description = "Protect the table against deletion (turn off only to tear down a test environment)."
  type        = bool
  default     = true
}

variable "admin_token_parameter_name" {
  description = "Name of the SSM SecureString parameter holding the admin token (create it before applying). Defaults to /<prefix>/admin-token."
  type        = string
  default     = null
}

variable "secrets_key_parameter_name" {
  description = "Name of the SSM SecureString parameter holding the base64 AES key that seals channel credentials (openssl rand -base64 32; create it before applying). Defaults to /<prefix>/secrets-key."
  type        = string
  default     = null
}

variable "public_url" {
  description = "Public base URL the messaging platforms call (a custom domain in front of the function URL); Twilio signatures are computed over it. Null leaves it unset."
  type        = string
  default     = null
}

variable "dead_letter_retention_seconds" {
  description = "How long wake-ups the scheduler could not deliver stay in the dead-letter queue, in seconds (max 14 days)."
  type        = number
  default     = 1209600
}

variable "wake_up_max_receive_count" {
  description = "Deliveries of one wake-up message the wake-up queue function may fail before it moves to the wake-up failures queue."
  type        = number
  default     = 5
}

variable "alarm_sns_topic_arn" {
  description = "SNS topic notified when an alarm fires and when it clears. Null: alarms only show in the CloudWatch console."
  type        = string
  default     = null
}
