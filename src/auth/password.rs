//! Argon2id password hashing, run off the async executor, a bounded number
//! at a time.

use std::sync::LazyLock;
use std::time::Duration;

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{ARGON2ID_IDENT, Algorithm, Argon2, Block, Params, Version};
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// OWASP's minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;
/// Bytes of the stored hash.
const OUTPUT_BYTES: usize = 32;

fn owasp_params() -> Params {
    Params::new(MEMORY_KIB, PASSES, LANES, Some(OUTPUT_BYTES))
        .expect("OWASP's Argon2id parameters are valid")
}

thread_local! {
    /// The 19 MiB an Argon2 run works in, allocated once per hashing thread
    /// and used again by every run on it. Left to the allocator, each run's
    /// block was freed and a fresh one taken the next time, and glibc kept
    /// every freed block resident: the process grew by 19 MiB a sign-up.
    static MEMORY: std::cell::RefCell<Vec<Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs Argon2 with `params` on this thread's memory, into `out`.
fn run_argon2(
    params: Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> Result<(), ApiError> {
    MEMORY.with_borrow_mut(|memory| {
        let blocks = params.block_count();
        if memory.len() < blocks {
            memory.resize(blocks, Block::new());
        }
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into_with_memory(password, salt, out, &mut memory[..blocks])
            .map_err(ApiError::internal)
    })
}

/// A hash of a password nobody knows. Login verifies against it when the
/// email is unknown, so both failures cost one Argon2 run.
static UNKNOWN_USER_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_blocking("a password that belongs to no account").expect("hashing a constant works")
});

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`) of
/// `password` with a fresh random salt.
fn hash_blocking(password: &str) -> Result<String, ApiError> {
    let salt = Salt::generate();
    let params = owasp_params();
    let mut out = [0u8; OUTPUT_BYTES];
    run_argon2(params.clone(), password.as_bytes(), salt.as_ref(), &mut out)?;
    let hash = PasswordHash {
        algorithm: ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(ApiError::internal)?,
        salt: Some(salt),
        hash: Some(Output::new(&out).map_err(ApiError::internal)?),
    };
    Ok(hash.to_string())
}

/// Whether `password` gives the stored PHC `hash`, with the parameters the
/// hash was made with; compared in constant time.
fn verify_blocking(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Ok(params), Some(salt), Some(expected)) =
        (Params::try_from(&parsed), parsed.salt, parsed.hash)
    else {
        return false;
    };
    if parsed.algorithm != ARGON2ID_IDENT || params.block_count() > owasp_params().block_count() {
        return false;
    }
    let mut out = vec![0u8; expected.len()];
    run_argon2(params, password.as_bytes(), salt.as_ref(), &mut out).is_ok()
        && Output::new(&out).is_ok_and(|computed| computed == expected)
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

impl Passwords {
    /// Computes the unknown-user hash ahead of the first login, on a
    /// hashing thread (whose memory the logins use again).
    pub async fn warm_up(&self) -> Result<(), ApiError> {
        self.run(|| {
            LazyLock::force(&UNKNOWN_USER_HASH);
        })
        .await
    }
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
        assert!(!verify_blocking("correct horse battery", "not a hash"));
    }

    #[test]
    fn hashes_made_by_the_argon2_crate_itself_still_verify() {
        use argon2::password_hash::PasswordHasher;
        let stored = Argon2::default()
            .hash_password(b"an earlier password")
            .expect("hashed")
            .to_string();
        assert!(verify_blocking("an earlier password", &stored));
        assert!(!verify_blocking("another password", &stored));
    }

    #[test]
    fn many_runs_on_one_thread_use_the_same_memory() {
        fn resident_kib() -> u64 {
            std::fs::read_to_string("/proc/self/status")
                .unwrap_or_default()
                .lines()
                .find_map(|line| line.strip_prefix("VmRSS:"))
                .and_then(|value| value.trim().trim_end_matches(" kB").parse().ok())
                .unwrap_or(0)
        }
        hash_blocking("warm up").expect("hashed");
        let before = resident_kib();
        for _ in 0..8 {
            hash_blocking("again and again").expect("hashed");
        }
        // Eight runs that each kept their 19 MiB would add 152 MiB; the
        // margin is for other tests hashing on their threads meanwhile.
        let after = resident_kib();
        assert!(
            after < before + 3 * 19 * 1024,
            "{after} KiB after {before} KiB"
        );
    }
}
