//! A TCP proxy in front of PostgreSQL that a test can switch off and on,
//! so one test's database can go away without touching the others.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::io::copy_bidirectional;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// How the proxy treats connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyMode {
    /// Forward to the database.
    Up,
    /// Cut every open connection and refuse new ones at once.
    Refusing,
    /// Accept connections and never answer, like a host that vanished.
    Silent,
    /// Keep open connections open but pass nothing more through, and hold
    /// new ones as `Silent` does, like a database that hangs.
    Stalled,
}

pub struct DatabaseProxy {
    pub address: SocketAddr,
    mode: Arc<watch::Sender<ProxyMode>>,
}

impl DatabaseProxy {
    pub async fn start(target: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let address = listener.local_addr().expect("bound");
        let (mode, _) = watch::channel(ProxyMode::Up);
        let mode = Arc::new(mode);
        let accept_mode = mode.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let mut mode = accept_mode.subscribe();
                tokio::spawn(async move {
                    let current = *mode.borrow_and_update();
                    match current {
                        ProxyMode::Refusing => drop(client),
                        ProxyMode::Silent | ProxyMode::Stalled => {
                            // Hold the socket open until the mode changes.
                            let _ = mode.changed().await;
                            drop(client);
                        }
                        ProxyMode::Up => forward(client, target, mode).await,
                    }
                });
            }
        });
        Self { address, mode }
    }

    pub fn set(&self, mode: ProxyMode) {
        self.mode.send_replace(mode);
    }
}

async fn forward(mut client: TcpStream, target: SocketAddr, mut mode: watch::Receiver<ProxyMode>) {
    let Ok(mut upstream) = TcpStream::connect(target).await else {
        return;
    };
    tokio::select! {
        _ = copy_bidirectional(&mut client, &mut upstream) => {}
        // Any change of mode away from Up cuts the connection.
        _ = async { while mode.changed().await.is_ok() { if *mode.borrow() != ProxyMode::Up { break; } } } => {}
    }
    // Stalled: both ends stay open, unanswered, until the mode changes again.
    if *mode.borrow() == ProxyMode::Stalled {
        let _ = mode.changed().await;
    }
}
