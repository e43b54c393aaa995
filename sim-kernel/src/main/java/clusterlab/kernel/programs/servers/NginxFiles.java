package clusterlab.kernel.programs.servers;

/**
 * The files the official nginx image ships (nginx:1.12 .. 1.17 have the same ones): the welcome
 * page, nginx.conf and conf.d/default.conf. The nginx image and tests lay these out; nginx itself
 * falls back to the same configuration when the files are absent.
 */
public final class NginxFiles {
    public static final String HTML_ROOT = "/usr/share/nginx/html";
    public static final String NGINX_CONF_PATH = "/etc/nginx/nginx.conf";
    public static final String DEFAULT_CONF_PATH = "/etc/nginx/conf.d/default.conf";

    /** /usr/share/nginx/html/index.html: 612 bytes. */
    public static final String WELCOME_HTML = """
            <!DOCTYPE html>
            <html>
            <head>
            <title>Welcome to nginx!</title>
            <style>
                body {
                    width: 35em;
                    margin: 0 auto;
                    font-family: Tahoma, Verdana, Arial, sans-serif;
                }
            </style>
            </head>
            <body>
            <h1>Welcome to nginx!</h1>
            <p>If you see this page, the nginx web server is successfully installed and
            working. Further configuration is required.</p>

            <p>For online documentation and support please refer to
            <a href="http://nginx.org/">nginx.org</a>.<br/>
            Commercial support is available at
            <a href="http://nginx.com/">nginx.com</a>.</p>

            <p><em>Thank you for using nginx.</em></p>
            </body>
            </html>
            """;

    /** /usr/share/nginx/html/50x.html. */
    public static final String ERROR_50X_HTML = """
            <!DOCTYPE html>
            <html>
            <head>
            <title>Error</title>
            <style>
                body {
                    width: 35em;
                    margin: 0 auto;
                    font-family: Tahoma, Verdana, Arial, sans-serif;
                }
            </style>
            </head>
            <body>
            <h1>An error occurred.</h1>
            <p>Sorry, the page you are looking for is currently unavailable.<br/>
            Please try again later.</p>
            <p>If you are the system administrator of this resource then you should check
            the <a href="http://nginx.org/r/error_log">error log</a> for details.</p>
            <p><em>Faithfully yours, nginx.</em></p>
            </body>
            </html>
            """;

    /** /etc/nginx/nginx.conf of the official image. */
    public static final String NGINX_CONF = """

            user  nginx;
            worker_processes  1;

            error_log  /var/log/nginx/error.log warn;
            pid        /var/run/nginx.pid;


            events {
                worker_connections  1024;
            }


            http {
                include       /etc/nginx/mime.types;
                default_type  application/octet-stream;

                log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                                  '$status $body_bytes_sent "$http_referer" '
                                  '"$http_user_agent" "$http_x_forwarded_for"';

                access_log  /var/log/nginx/access.log  main;

                sendfile        on;
                #tcp_nopush     on;

                keepalive_timeout  65;

                #gzip  on;

                include /etc/nginx/conf.d/*.conf;
            }
            """;

    /** /etc/nginx/conf.d/default.conf of the official image. */
    public static final String DEFAULT_CONF = """
            server {
                listen       80;
                server_name  localhost;
            
                #charset koi8-r;
                #access_log  /var/log/nginx/host.access.log  main;
            
                location / {
                    root   /usr/share/nginx/html;
                    index  index.html index.htm;
                }
            
                #error_page  404              /404.html;
            
                # redirect server error pages to the static page /50x.html
                #
                error_page   500 502 503 504  /50x.html;
                location = /50x.html {
                    root   /usr/share/nginx/html;
                }
            
                # proxy the PHP scripts to Apache listening on 127.0.0.1:80
                #
                #location ~ \\.php$ {
                #    proxy_pass   http://127.0.0.1;
                #}
            
                # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
                #
                #location ~ \\.php$ {
                #    root           html;
                #    fastcgi_pass   127.0.0.1:9000;
                #    fastcgi_index  index.php;
                #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
                #    include        fastcgi_params;
                #}
            
                # deny access to .htaccess files, if Apache's document root
                # concurs with nginx's one
                #
                #location ~ /\\.ht {
                #    deny  all;
                #}
            }
            
            """;

    private NginxFiles() {}
}
