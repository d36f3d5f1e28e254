//! Argon2id password hashing, run off the async executor, a bounded number
//! at a time.

use std::sync::LazyLock;
use std::time::Duration;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// OWASP's minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None)
        .expect("OWASP's Argon2id parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash of a password nobody knows. Login verifies against it when the
/// email is unknown, so both failures cost one Argon2 run.
static UNKNOWN_USER_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_blocking("a password that belongs to no account").expect("hashing a constant works")
});

fn hash_blocking(password: &str) -> Result<String, ApiError> {
    argon2()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(ApiError::internal)
}

fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// The process's Argon2 runs: each takes 19 MiB and a core for tens of
/// milliseconds, so they run on `concurrency` threads of their own (2 ×
/// cores by default), and a request that cannot start one within `wait`
/// answers 503 instead of queueing without end. Threads of their own, not
/// the shared blocking pool: the allocator keeps a freed 19 MiB block in
/// the arena of the thread that used it, so hashes spread over the pool's
/// many threads left the process hundreds of MiB larger for good; a few
/// threads keep at most a few blocks.
pub struct Passwords {
    places: Semaphore,
    wait: Duration,
    jobs: std::sync::Mutex<std::sync::mpsc::Sender<Job>>,
}

type Job = Box<dyn FnOnce() + Send>;

impl Passwords {
    pub fn new(concurrency: usize, wait: Duration) -> Self {
        let concurrency = concurrency.max(1);
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let queue = std::sync::Arc::new(std::sync::Mutex::new(queue));
        for index in 0..concurrency {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{index}"))
                .spawn(move || {
                    // Ends when the sender (and with it the service) is gone.
                    loop {
                        let job = match queue.lock() {
                            Ok(queue) => queue.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                })
                .expect("a hashing thread starts");
        }
        Self {
            places: Semaphore::new(concurrency),
            wait,
            jobs: std::sync::Mutex::new(jobs),
        }
    }

    /// Runs `work` on a hashing thread once one is free.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let _place = tokio::time::timeout(self.wait, self.places.acquire())
            .await
            .map_err(|_elapsed| {
                tracing::warn!("every password hashing place stayed busy; answering 503");
                ApiError::Unavailable
            })?
            .map_err(ApiError::internal)?;
        let (done, result) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(work());
        });
        self.jobs
            .lock()
            .map_err(|_| ApiError::internal("the hashing queue is poisoned"))?
            .send(job)
            .map_err(ApiError::internal)?;
        result.await.map_err(ApiError::internal)
    }

    /// Hashes a password.
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        self.run(move || hash_blocking(&password)).await?
    }

    /// Checks a password against a stored hash, or against the unknown-user
    /// hash when there is none, so the time taken says nothing.
    pub async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, ApiError> {
        self.run(move || match hash {
            Some(hash) => verify_blocking(&password, &hash),
            None => {
                verify_blocking(&password, &UNKNOWN_USER_HASH);
                false
            }
        })
        .await
    }
}

/// Computes the unknown-user hash ahead of the first login.
pub fn warm_up() {
    LazyLock::force(&UNKNOWN_USER_HASH);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters() {
        let hash = hash_blocking("correct horse battery").expect("hashed");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_blocking("correct horse battery", &hash));
        assert!(!verify_blocking("wrong horse battery", &hash));
    }
}
